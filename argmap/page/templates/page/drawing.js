/* argmap map page, drawing: the vis-network DataSets and Network, node and link styles from the
   palette in the view model, labels, which nodes and links are drawn (filters, focus, collapse,
   links between trees) and where (the layered layout, repacked around collapsed subtrees). */
(() => {
  const M = app.model, S = app.state, {clip, wrap} = app.dom;
  const {nodes, edges, byId, kids, ROLES} = M;
  const STYLE = M.data.style, LINK = STYLE.links, SIGN = M.rtl ? -1 : 1;
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif';

  const group = (key, dashes, width, extra) => {
    const {fill, line} = ROLES[key];
    return {color: {background: fill, border: line, highlight: {background: STYLE.selected, border: line},
      hover: {background: fill, border: line}}, borderWidth: width, borderWidthSelected: width + 2,
    shapeProperties: {borderDashes: dashes, borderRadius: 6}, ...extra};
  };
  const GROUPS = {
    thesis: group('thesis', false, 4, {font: {size: 21, face: FONT, color: '#0B2239'}, widthConstraint: {minimum: 170}, margin: 14}),
    reason: group('reason', false, 2),
    objection: group('objection', [7, 4], 2.5),
    rebuttal: group('rebuttal', [3, 3], 2.5),
    undercut: group('undercut', [7, 4], 2.5),
    // Evidence is a pill (a box with round ends): as distinct as an ellipse, without an ellipse's extra width.
    evidence: group('evidence', false, 2, {shapeProperties: {borderDashes: false, borderRadius: 22}}),
    claim: group('claim', false, 1.5),
    argument: {...group('argument', false, 2.5), shape: 'diamond', size: 11, borderWidthSelected: 4,
      font: {size: 14, face: FONT, color: '#4A5560', background: 'rgba(251,252,253,0.85)'}, widthConstraint: false}
  };

  // ------------------------------------------------------------------ positions
  // x: Python's layout for the fully expanded tree; with subtrees collapsed, the same leaf-counting
  // placement is redone here over the drawn tree, so collapsed maps stay compact.
  const cx = new Map();
  let focusPos = null;  // focus mode's own positions (focus.js)
  const stale = new Set();  // nodes to put back where the layout has them
  const slotsOf = (root) => {
    const slot = new Map(), stack = [[root, false]];
    let next = 0;
    while (stack.length) {
      const [id, done] = stack.pop(), ks = S.collapsed.has(id) ? [] : kids.get(id);
      if (done) slot.set(id, (slot.get(ks[0]) + slot.get(ks[ks.length - 1])) / 2);
      else if (!ks.length) slot.set(id, next++);
      else { stack.push([id, true]); for (let i = ks.length - 1; i >= 0; i--) stack.push([ks[i], false]); }
    }
    return slot;
  };
  const repack = () => {
    // While a filter is on, every matching claim is drawn (collapse aside) where the full layout has it.
    if (!S.collapsed.size || app.filters.active()) { nodes.forEach((n) => cx.set(n.id, n.x)); return; }
    // Each tree keeps its place (its root does not move); only what is inside it closes up.
    M.roots.forEach((root) => {
      const slot = slotsOf(root), base = slot.get(root), x0 = byId.get(root).x;
      slot.forEach((v, id) => cx.set(id, x0 + SIGN * Math.round((v - base) * M.slot)));
    });
  };
  const posOf = (id) => (focusPos && focusPos.has(id) ? focusPos.get(id) : {x: cx.get(id), y: byId.get(id).y});
  const layoutX = (id) => cx.get(id);

  // ------------------------------------------------------------------ labels
  const acceptPrefix = (id) => {
    if (!S.accept.on || !S.accept.labels) return '';
    const l = S.accept.labels[id];
    if (l === 'IN') return '\u2714 IN  ';
    if (l === 'OUT') return '\u2718 OUT  ';
    return l ? '? UNDEC  ' : '';
  };
  const visLabel = (n) => {
    if (n.type === 'argument') return acceptPrefix(n.id) + clip(M.argCaption(n) || 'together', 40);
    const r = ROLES[M.roleKey(n)], sp = M.speakerShort(n);
    // A left-to-right mark keeps "+ REASON" in English order on a right-to-left canvas.
    const top = (M.rtl ? '\u200E' : '') + r.mark + ' ' + r.name.toUpperCase();
    let label = acceptPrefix(n.id) + top + '\n' + wrap(clip(n.label, 90), n.role === 'thesis' ? 22 : 21);
    // Who said it goes last, on its own line, so no line is wider than the wrapped text.
    if (sp) label += '\n\u2014 ' + clip(sp, 28);
    if (S.collapsed.has(n.id)) label += '\n\u25B8 ' + M.descendantCount(n.id) + ' more below';
    return label;
  };
  const tooltip = (n) => {
    let t = n.text;
    if (n.type === 'argument') t = (n.label && n.label !== n.text ? n.label + '\n' : '') + n.text;
    const sp = M.speakerName(n);
    return sp ? `${t}\n\u2014 ${sp}` : t;
  };
  // The claims the open explanation names glow (and are never faded), so a student can follow it.
  const MENTIONED = {enabled: true, color: 'rgba(242, 169, 0, 0.9)', size: 16, x: 0, y: 0};
  const accStyle = (id) => {
    const l = S.accept.labels && S.accept.labels[id], lit = S.accept.mentioned.has(id);
    const glow = {shadow: lit ? MENTIONED : {enabled: false}};
    if (l === 'OUT') return {opacity: lit ? 0.8 : 0.45, ...glow};
    if (l === 'IN') return {opacity: 1, borderWidth: 5, ...glow};
    return {opacity: 1, borderWidth: 3, shapeProperties: {borderDashes: [2, 3], borderRadius: 6}, ...glow};
  };
  const visNode = (n) => {
    const p = posOf(n.id);
    const v = {id: n.id, label: visLabel(n), title: tooltip(n), group: M.roleKey(n), x: p.x, y: p.y};
    if (S.accept.on && S.accept.labels) Object.assign(v, accStyle(n.id));
    else if (S.accept.on) v.opacity = 1;
    return v;
  };

  // ------------------------------------------------------------------ links between trees
  // A link from one tree to another (a claim in one case answering a claim in another) can run
  // across the whole map, and a dozen of them drawn at once hide the trees. On a map with more than
  // a few, such a link is drawn when crosslinks.js allows it (both ends on screen, not through an
  // unrelated tree) and in focus mode; links between theses side by side in one row always stay
  // (short arcs, the debate's spine).
  const CROSS_ALWAYS = 6;
  let crossTree = edges.map((e) => {
    if (M.treeOf.get(e.from) === M.treeOf.get(e.to)) return false;
    const a = byId.get(e.from), b = byId.get(e.to);
    return !(!a.parent && !b.parent && a.y === b.y);
  });
  if (crossTree.filter(Boolean).length <= CROSS_ALWAYS) crossTree = edges.map(() => false);
  const crossIndices = crossTree.flatMap((cross, i) => (cross ? [i] : []));
  let crossOn = new Set();  // indices of links between trees drawn now

  // ------------------------------------------------------------------ link styles
  const coloured = (c) => ({color: c, highlight: c, hover: c});
  const ATTACK_ARROW = {to: {enabled: true, type: 'bar', scaleFactor: 0.9}};
  const PREMISE_ARROW = {to: {enabled: false}};
  const EDGE_FONT = {size: 14, face: FONT, color: LINK.attack, strokeWidth: 4, strokeColor: '#fbfcfd', align: 'middle'};
  const CURVED = {enabled: true, type: 'curvedCW', roundness: 0.2};
  const lighter = (c) => ({...c, opacity: 0.55});
  const attackLook = (r) => (r === 'rebuttal' ? {color: coloured(LINK.rebut), dashes: [3, 4]} : {color: coloured(LINK.attack), dashes: [8, 5]});
  const linkLook = (e, r) => {
    const v = {};
    if (e.relation === 'attack') Object.assign(v, {arrows: ATTACK_ARROW}, attackLook(r));
    else if (e.relation === 'premise') v.arrows = PREMISE_ARROW;
    if (r === 'undercut') Object.assign(v, {label: 'undercuts', font: EDGE_FONT});
    return v;
  };
  // Styled by the link's own role: dashes and arrow heads, not colour alone, tell support from attack.
  const visEdge = (e, i) => {
    const r = M.edgeRole(e), v = {id: i, from: e.from, to: e.to, ...linkLook(e, r)};
    // Links beyond the tree (to a node the source is not drawn under) are thinner, so the tree reads
    // first; one thesis answering another is the debate's spine: those at full strength.
    const src = byId.get(e.from), spine = !src.parent && !byId.get(e.to).parent;
    if (src.parent !== e.to && e.relation !== 'premise' && !crossTree[i] && !spine) {
      v.width = 1.3;
      v.color = lighter(v.color || coloured(LINK.support));
    }
    // A link between claims on the same level (thesis against thesis) bends, not running through the nodes between.
    const a = posOf(e.from), b = posOf(e.to);
    if (Math.abs(a.y - b.y) < M.layer / 2 && Math.abs(a.x - b.x) > M.slot * 1.5) v.smooth = CURVED;
    const tip = [STYLE.words[r], e.note].filter(Boolean).join('\n');
    if (tip) v.title = tip;
    return v;
  };

  // ------------------------------------------------------------------ what is drawn
  const visible = new Map();  // id -> is it in the vis DataSet (only shown nodes are: hidden ones cost time)
  const edgeShown = [];
  let matched = new Map();  // id -> passes filters and focus (collapse aside)
  const edgeWanted = (e, i) => Boolean(visible.get(e.from) && visible.get(e.to))
    && (!crossTree[i] || Boolean(S.focus.set) || crossOn.has(i));
  const junctionShows = (n, match) => M.linksOf(n.id).some((e) => {
    const o = M.other(e, n.id);
    return byId.get(o).type !== 'argument' && match.get(o);
  });
  const computeVisibility = () => {
    const match = new Map(), filtering = app.filters.active();
    nodes.forEach((n) => {
      const passes = !filtering || n.type === 'argument' || app.filters.accepts(n);
      match.set(n.id, passes && (!S.focus.set || S.focus.set.has(n.id)));
    });
    if (filtering) nodes.forEach((n) => {  // a junction shows when a claim it joins shows
      if (n.type !== 'argument' || (!match.get(n.id) && S.focus.set)) return;
      match.set(n.id, junctionShows(n, match));
    });
    const under = new Map();  // hidden because an ancestor is collapsed
    nodes.forEach((n) => under.set(n.id, Boolean(n.parent) && (under.get(n.parent) || S.collapsed.has(n.parent))));
    matched = match;
    return (id) => Boolean(match.get(id) && !under.get(id));
  };

  const ds = {nodes: null, edges: null};
  const start = () => {
    repack();
    const shows = computeVisibility(), nodeItems = [], edgeItems = [];
    nodes.forEach((n) => { visible.set(n.id, shows(n.id)); if (visible.get(n.id)) nodeItems.push(visNode(n)); });
    edges.forEach((e, i) => { edgeShown[i] = edgeWanted(e, i); if (edgeShown[i]) edgeItems.push(visEdge(e, i)); });
    app.mark('model');
    ds.nodes = new window.vis.DataSet(nodeItems);
    ds.edges = new window.vis.DataSet(edgeItems);
    app.mark('datasets');
    const container = document.getElementById('graph');
    if (M.rtl) container.setAttribute('dir', 'rtl');
    app.network = new window.vis.Network(container, ds, networkOptions());
    app.mark('network');
    app.emit('network', app.network);
  };
  const networkOptions = () => {
    const big = M.size > 2000;
    return {
      autoResize: true,
      physics: {enabled: false, solver: 'forceAtlas2Based', stabilization: false,
        forceAtlas2Based: {gravitationalConstant: -80, springLength: 120, avoidOverlap: 0.6}},
      layout: {improvedLayout: false, hierarchical: false},
      interaction: {hover: !big, tooltipDelay: 250, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false,
        multiselect: false, navigationButtons: false, zoomSpeed: 0.8},
      // No label is drawn under 11 px (vis skips a label below its threshold - 1); overview.js
      // switches to a coarser level instead of zooming out that far.
      nodes: {shape: 'box', margin: 10, font: {face: FONT, size: 18, color: '#1B1F24', multi: false}, scaling: {label: {drawThreshold: M.legible}},
        widthConstraint: {minimum: 120}, borderWidth: 2, labelHighlightBold: false,
        shapeProperties: {borderRadius: 6}, chosen: true},
      edges: {smooth: false, width: 2, selectionWidth: 1.5, arrowStrikethrough: false, scaling: {label: {drawThreshold: M.legible}},
        color: {...coloured(LINK.support), inherit: false},
        arrows: {to: {enabled: true, scaleFactor: 0.8, type: 'arrow'}}, hoverWidth: 0.5},
      groups: GROUPS
    };
  };

  // Draw exactly these links between trees (indices into model.edges), as far as both ends are drawn.
  const setCrossLinks = (allowed) => {
    const add = [], remove = [];
    crossOn = allowed;
    crossIndices.forEach((i) => {
      const want = edgeWanted(edges[i], i);
      if (edgeShown[i] === want) return;
      edgeShown[i] = want;
      if (want) add.push(visEdge(edges[i], i)); else remove.push(i);
    });
    if (remove.length) ds.edges.remove(remove);
    if (add.length) ds.edges.add(add);
  };
  const physicsOn = () => document.getElementById('layout-toggle').getAttribute('aria-pressed') === 'true';
  const applyChanges = (shows) => {
    const addN = [], remN = [], addE = [], remE = [];
    nodes.forEach((n) => {
      const show = shows(n.id);
      if (visible.get(n.id) === show) return;
      visible.set(n.id, show);
      if (show) addN.push(visNode(n)); else remN.push(n.id);
    });
    edges.forEach((e, i) => {
      const want = edgeWanted(e, i);
      if (edgeShown[i] === want) return;
      edgeShown[i] = want;
      if (want) addE.push(visEdge(e, i)); else remE.push(i);
    });
    if (remE.length) ds.edges.remove(remE);
    if (remN.length) ds.nodes.remove(remN);
    if (addN.length) ds.nodes.add(addN);
    if (addE.length) ds.edges.add(addE);
  };
  const movePlaced = (before) => {
    const moved = [];
    nodes.forEach((n) => {
      if (!visible.get(n.id) || (before && before.get(n.id) === cx.get(n.id) && !stale.has(n.id))) return;
      if (!before && !stale.has(n.id) && !(focusPos && focusPos.has(n.id))) return;
      moved.push({id: n.id, ...posOf(n.id)});
    });
    stale.clear();
    if (moved.length) ds.nodes.update(moved);
  };
  // Redraw after filters, focus or collapse changed: add and remove what changed, move what moved.
  const refresh = () => {
    const before = new Map(cx);
    const shows = computeVisibility();
    repack();
    applyChanges(shows);
    if (!physicsOn()) movePlaced(before);
    app.emit('refreshed');
  };
  // Focus mode's own positions (null: back to the layout), applied at once.
  const setFocusPositions = (positions) => {
    if (focusPos) focusPos.forEach((p, id) => { if (!positions || !positions.has(id)) stale.add(id); });
    focusPos = positions;
    if (positions && !physicsOn()) movePlaced(null);
  };
  const relabel = (ids) => {
    const update = ids.filter((id) => visible.get(id)).map((id) => {
      const {x, y, ...v} = visNode(byId.get(id));  // all but the position
      return v;
    });
    if (update.length) ds.nodes.update(update);
    app.emit('restyled');
  };
  // Every drawn node's label and look again (acceptability on or off).
  const restyleAll = () => {
    ds.nodes.update(nodes.filter((n) => visible.get(n.id)).map((n) => {
      const {x, y, ...v} = visNode(n);  // all but the position
      if (!S.accept.on) {
        const g = GROUPS[M.roleKey(n)];
        Object.assign(v, {opacity: 1, borderWidth: g.borderWidth, shapeProperties: g.shapeProperties || {borderDashes: false},
          shadow: {enabled: false}});
      }
      return v;
    }));
    app.emit('restyled');
  };
  // vis shows a node's title after a hover delay and keeps it until the pointer moves off the node:
  // after a tap, a click, a search or a filter it would stay over whatever the view shows next. The
  // coarse levels' networks (overview.js, tour.js) have tooltips of their own, closed alike: vis
  // marks a shown tooltip visible, so it would outlive the level hidden under it.
  const hideTooltipOf = (network) => {
    const handler = network && network.interactionHandler;
    if (!handler) return;
    clearTimeout(handler.popupTimer);
    handler.popupTimer = undefined;
    handler.popupObj = undefined;
    if (handler.popup) handler.popup.hide();
  };
  const hideTooltip = () => {
    hideTooltipOf(app.network);
    if (app.lod) Object.values(app.lod.views).forEach((view) => hideTooltipOf(view.net));
  };
  const BASE_FONT = 18, CHAR_EM = 0.62, LINE_EM = 1.25;
  const fontSize = (id) => {
    const g = GROUPS[M.roleKey(byId.get(id))];
    return (g.font && g.font.size) || BASE_FONT;
  };
  // A node's drawn size, estimated from its label (vis measures it only when it draws it).
  const boxOf = (id) => {
    const n = byId.get(id), g = GROUPS[M.roleKey(n)], size = fontSize(id), margin = g.margin || 10;
    const lines = visLabel(n).split('\n'), longest = Math.max(...lines.map((l) => l.length));
    const minimum = (g.widthConstraint && g.widthConstraint.minimum) || 120;
    return {w: Math.max(minimum, longest * size * CHAR_EM + 2 * margin), h: lines.length * size * LINE_EM + 2 * margin};
  };
  const relayout = () => ds.nodes.update(nodes.filter((n) => visible.get(n.id)).map((n) => ({id: n.id, ...posOf(n.id)})));
  const shownIds = () => nodes.filter((n) => visible.get(n.id)).map((n) => n.id);

  // The legend lists only what this map draws: a first map of three claims explains three things.
  const trimLegend = () => {
    const used = new Set([...nodes.map(M.roleKey), 'selected', 'glow']);
    edges.forEach((e, i) => {
      const r = M.edgeRole(e), src = byId.get(e.from);
      if (src.parent !== e.to && e.relation !== 'premise' && !crossTree[i] && (src.parent || byId.get(e.to).parent)) used.add('beyond');
      if (e.relation === 'support' || e.relation === 'conclusion') used.add('support');
      if (e.relation === 'attack') used.add(r === 'rebuttal' ? 'rebut' : 'attack');
      if (r === 'undercut') used.add('undercut');
      if (crossTree[i]) used.add('cross');
    });
    document.querySelectorAll('#legend li[data-key]').forEach((li) => { li.hidden = !used.has(li.getAttribute('data-key')); });
  };

  app.draw = {
    start, refresh, relabel, restyleAll, relayout, trimLegend, setFocusPositions, physicsOn, setCrossLinks, hideTooltip,
    posOf, layoutX, shownIds, fontSize, boxOf, dataSets: ds, groups: GROUPS, crossIndices,
    isVisible: (id) => Boolean(visible.get(id)),
    matches: (id) => Boolean(matched.get(id))
  };
})();
