/* argmap map page, levels of detail: the map seen from above first, never a label too small to read.
   Three levels, coarse to fine: 'cases' (one card per thesis and its tree, with the links between
   cases), 'theses' (each thesis with its direct reasons and objections) and 'all' (the map itself,
   drawing.js). The two coarse levels are small networks of their own, stacked over the map's: a
   switch shows one and hides the others, so it costs the same at 10,000 claims as at 100 and the
   map's network (collapse, filters, focus, selection) is never rebuilt for it. vis-network's
   clustering was measured as the other way (bench/bench_lod.py): it rebuilds the clustered network
   on each cluster/openCluster call, far slower at 10,000 claims.
   Every vis label is drawn only at LEGIBLE px or more (a draw threshold); zooming out past that
   switches to the next coarser level instead of shrinking text, and Fit never zooms below it.
   Opening a case pushes a history entry, so the Back button and the browser's back both return. */
(() => {
  const M = app.model, D = app.draw, {$, ui, wrap, plural} = app.dom;
  const CASES = M.data.cases || [], LINKS = M.data.caseLinks || [], ROLES = M.ROLES;
  const LEGIBLE = M.legible;  // vis's draw threshold too: below it a label is not drawn at all
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif';
  const CARD_FONT = 16, CLAIM_FONT = 18, GAP = 44, ROW_GAP = 36, MAX_CARDS = 60;
  const pane = $('graph-pane');
  const thesisCases = CASES.filter((c) => c.thesis).length;
  const levels = [];  // the levels this map has, coarse to fine
  if (thesisCases >= 2 && CASES.length <= MAX_CARDS) levels.push('cases');
  if (M.nodes.some((n) => M.depth.get(n.id) >= 2)) levels.push('theses');
  levels.push('all');
  const views = {};  // level -> {div, net, ds, minScale, fit}
  let level = 'all';

  const paneBox = () => pane.getBoundingClientRect();
  const short = (speaker) => {
    const s = speaker && M.data.speakers[speaker];
    return s ? s.short || s.name || speaker : speaker || '';
  };

  // ------------------------------------------------------------------ a coarse view's network
  const makeView = (name, items, options, description) => {
    const div = ui('div', {class: 'lod-view', 'data-level': name, 'aria-label': description});
    pane.insertBefore(div, $('graph').nextSibling);
    const ds = {nodes: new window.vis.DataSet(items.nodes), edges: new window.vis.DataSet(items.edges)};
    const net = new window.vis.Network(div, ds, {
      autoResize: true, physics: {enabled: false}, layout: {improvedLayout: false, hierarchical: false},
      interaction: {hover: true, tooltipDelay: 250, keyboard: false, multiselect: false, zoomSpeed: 0.8},
      nodes: {shape: 'box', margin: 12, labelHighlightBold: false, font: {face: FONT, size: CLAIM_FONT, color: '#1B1F24'},
        scaling: {label: {drawThreshold: LEGIBLE}}, widthConstraint: {minimum: 120}, borderWidth: 2},
      edges: {smooth: false, width: 2, arrowStrikethrough: false, scaling: {label: {drawThreshold: LEGIBLE}},
        color: {color: M.data.style.links.support, inherit: false}},
      ...options
    });
    // A tap or a drag closes the tooltip, as on the map itself (selection.js).
    ['click', 'dragStart', 'zoom'].forEach((event) => net.on(event, D.hideTooltip));
    views[name] = {div, net, ds};
    return views[name];
  };

  // ------------------------------------------------------------------ cases
  const cardLabel = (c, perLine) => {
    const thesis = ROLES[c.thesis ? 'thesis' : 'claim'], who = short(c.speaker);
    const head = `${M.rtl ? '\u200E' : ''}${thesis.mark} ${thesis.name.toUpperCase()}${who ? ` \u00B7 ${who}` : ''}`;
    const counts = [plural(c.reasons, 'reason', 'reasons'), plural(c.objections, 'objection', 'objections'),
      plural(c.claims, 'claim', 'claims')].join(' \u00B7 ');
    return `${head}\n${wrap(c.text, perLine)}\n${counts}`;
  };
  // In one column every link runs along it: they bow out to the side instead of behind the cards.
  const linkEdge = (cols) => (link, i) => {
    const attack = link.relation === 'attack', style = M.data.style.links, colour = attack ? style.attack : style.support;
    const verb = attack ? 'attack' : 'support';
    const n = `${plural(link.count, 'link', 'links')}: ${plural(link.attacks, 'attack', 'attacks')}, ${plural(link.supports, 'support', 'supports')}`;
    return {id: `link:${i}`, from: `case:${link.from}`, to: `case:${link.to}`, width: 1.5 + Math.min(link.count, 5) * 0.7,
      color: {color: colour, highlight: colour, hover: colour}, dashes: attack ? [8, 5] : false,
      arrows: {to: {enabled: true, type: attack ? 'bar' : 'arrow', scaleFactor: 0.9}},
      smooth: {enabled: true, type: 'curvedCW', roundness: cols === 1 ? 0.5 : 0.12},
      title: `Claims of this case ${verb} claims of the other (${n})`};
  };
  // Cards in a grid whose column count makes them largest in the pane (central clash first). When
  // no grid fits whole at a legible zoom, the widest grid that still fits across at that zoom
  // (cards no narrower than a slot of the layout), so the rest is one scroll down.
  const gridFor = (cols, width, height) => {
    const w = Math.max(200, Math.min(340, width / cols / 0.75 - GAP)), perLine = Math.floor((w - 20) / (CARD_FONT * 0.58));
    const heights = CASES.map((c) => (cardLabel(c, perLine).split('\n').length * CARD_FONT * 1.25) + 24);
    const rows = [];
    heights.forEach((hgt, i) => { const r = Math.floor(i / cols); rows[r] = Math.max(rows[r] || 0, hgt); });
    const gridW = cols * (w + GAP), gridH = rows.reduce((a, b) => a + b + ROW_GAP, 0);
    return {cols, w, perLine, rows, heights, gridW, gridH, scale: Math.min(1, width / gridW, height / gridH)};
  };
  const cardGrid = (width, height) => {
    const floor = minScale('cases'), grids = CASES.map((c, i) => gridFor(i + 1, width, height));
    const across = grids.filter((g) => g.gridW * floor <= width - 8);
    const whole = across.filter((g) => g.scale >= floor).sort((a, b) => b.scale - a.scale)[0];
    return whole || across.filter((g) => g.w >= M.slot).pop() || grids[0];
  };
  const caseItems = () => {
    const box = paneBox(), grid = cardGrid(box.width, box.height - 48);
    const {fill, line} = ROLES.thesis;
    const nodes = CASES.map((c, i) => {
      const col = i % grid.cols, row = Math.floor(i / grid.cols);
      const top = grid.rows.slice(0, row).reduce((a, b) => a + b + ROW_GAP, 0);
      return {id: `case:${c.id}`, label: cardLabel(c, grid.perLine), title: 'Open this case',
        x: (col - (grid.cols - 1) / 2) * (grid.w + GAP) * (M.rtl ? -1 : 1), y: top + grid.heights[i] / 2,
        widthConstraint: {minimum: grid.w, maximum: grid.w}, margin: 10, font: {size: CARD_FONT, face: FONT, color: '#0B2239'},
        color: {background: c.thesis ? fill : ROLES.claim.fill, border: line, highlight: {background: M.data.style.selected, border: line},
          hover: {background: fill, border: line}}, borderWidth: 3};
    });
    return {nodes, edges: LINKS.map(linkEdge(grid.cols)), grid};
  };

  // ------------------------------------------------------------------ theses with direct reasons and objections
  const thesisLabel = (n, more = true) => {
    const r = ROLES[M.roleKey(n)], sp = M.speakerShort(n), below = more && M.kids.get(n.id).length;
    let label = `${M.rtl ? '\u200E' : ''}${r.mark} ${r.name.toUpperCase()}\n${wrap(app.dom.clip(n.label, 90), 21)}`;
    if (sp) label += `\n\u2014 ${sp}`;
    if (below && M.depth.get(n.id) >= 1) label += `\n\u25B8 ${M.descendantCount(n.id)} more below`;
    return label;
  };
  // Each case as its thesis over its direct children, in rows no wider than the pane shows at the
  // legible zoom; cases packed in rows of that width too, so a row of cases can be read whole.
  const thesisItems = () => {
    const floor = LEGIBLE / CLAIM_FONT, paneWidth = Math.max(paneBox().width, 320) / floor;
    const perRow = Math.max(2, Math.floor(paneWidth / M.slot));
    const nodes = [], edges = [];
    let x = 0, y = 0, rowHeight = 0;
    M.roots.forEach((root) => {
      const ks = M.kids.get(root), cols = Math.max(1, Math.min(ks.length, perRow)), width = cols * M.slot;
      const height = (1 + Math.ceil(ks.length / cols)) * M.layer;
      if (x > 0 && x + width > paneWidth) { x = 0; y += rowHeight + M.layer / 2; rowHeight = 0; }
      placeBlock(root, ks, cols, {x, y}, nodes, edges);
      x += width + M.slot / 2;
      rowHeight = Math.max(rowHeight, height);
    });
    return {nodes, edges};
  };
  const placeBlock = (root, ks, cols, at, nodes, edges) => {
    const sign = M.rtl ? -1 : 1, node = (id) => M.byId.get(id);
    nodes.push({id: root, label: thesisLabel(node(root)), group: M.roleKey(node(root)), x: sign * (at.x + cols * M.slot / 2), y: at.y});
    ks.forEach((k, j) => {
      const col = j % cols, row = Math.floor(j / cols);
      nodes.push({id: k, label: thesisLabel(node(k)), group: M.roleKey(node(k)), x: sign * (at.x + (col + 0.5) * M.slot), y: at.y + (row + 1) * M.layer});
      M.outE.get(k).filter((e) => e.to === root).forEach((e, n) => edges.push({id: `${k}>${n}`, from: k, to: root, ...edgeLook(e)}));
    });
  };
  const edgeLook = (e) => {
    const style = M.data.style.links, r = M.edgeRole(e), attack = e.relation === 'attack', c = attack ? (r === 'rebuttal' ? style.rebut : style.attack) : style.support;
    return {color: {color: c, highlight: c, hover: c}, dashes: attack ? [8, 5] : false,
      arrows: {to: {enabled: e.relation !== 'premise', type: attack ? 'bar' : 'arrow', scaleFactor: 0.8}}};
  };

  // ------------------------------------------------------------------ switching, fitting, clamping
  const minScale = (name) => LEGIBLE / (name === 'cases' ? CARD_FONT : CLAIM_FONT);
  const networkOf = (name) => (name === 'all' ? app.network : views[name].net);
  const fitLevel = (name, ids) => {
    const net = networkOf(name), floor = minScale(name);
    if (name === 'all') return fitAll(ids);
    const list = ids || views[name].ds.nodes.getIds();
    if (name === 'cases') tallPane(list);
    return frameBoxes(net, list, floor, name === 'cases' ? 1 : 1.1);
  };
  // Frame the boxes of *ids* (labels included): whole at the largest zoom up to *most* if that is
  // at least the legible *floor*; else at the floor, from the top of the first of them (the central
  // clash, a tour step's first claim), the reading side's edge in view when too wide.
  const PAD = 12;
  // The box *b* (canvas coordinates) whole in *net*'s pane at the largest zoom up to *most*, if that
  // is at least *floor*: returns that zoom, else 0 and the view is left as it was.
  const frameWhole = (net, b, floor, most) => {
    const box = net.body.container.getBoundingClientRect();
    const whole = Math.min(most, (box.width - 2 * PAD) / (b.x1 - b.x0), (box.height - 2 * PAD) / (b.y1 - b.y0));
    if (!(whole >= floor)) return 0;
    net.moveTo({position: {x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2}, scale: whole, animation: false});
    return whole;
  };
  const frameBoxes = (net, ids, floor, most) => {
    const box = net.body.container.getBoundingClientRect(), b = {x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity};
    ids.forEach((id) => {
      const r = net.getBoundingBox(id);
      if (r) { b.x0 = Math.min(b.x0, r.left); b.x1 = Math.max(b.x1, r.right); b.y0 = Math.min(b.y0, r.top); b.y1 = Math.max(b.y1, r.bottom); }
    });
    if (b.x0 === Infinity) return net.getScale();
    const whole = frameWhole(net, b, floor, most);
    if (whole) return whole;
    const half = (box.width / 2 - PAD) / floor;
    let x = (b.x0 + b.x1) / 2;
    if ((b.x1 - b.x0) * floor > box.width - 2 * PAD) x = M.rtl ? b.x1 - half : b.x0 + half;
    const fits = (b.y1 - b.y0) * floor <= box.height - 2 * PAD;
    const y = fits ? (b.y0 + b.y1) / 2 : b.y0 - PAD / floor + box.height / 2 / floor;
    net.moveTo({position: {x, y}, scale: floor, animation: false});
    return floor;
  };
  // On a phone the cards cannot all be read in a 65vh pane: the pane grows to hold them at the
  // floor, so the page scrolls through every case (the map pane takes its own height back after).
  const tallPane = (ids) => {
    const net = views.cases.net, floor = minScale('cases');
    if (pane.clientWidth >= 600) return;
    let top = Infinity, bottom = -Infinity;
    ids.forEach((id) => { const r = net.getBoundingBox(id); if (r) { top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom); } });
    const needed = Math.ceil((bottom - top) * floor + 120);
    if (needed > pane.clientHeight) { pane.style.height = `${needed}px`; net.setSize('100%', '100%'); net.redraw(); }
  };
  // The map itself: the case in view (or given), whole if it can be read (measured by the boxes
  // drawn, as the first view measures a small map), else its top at the floor.
  const fitAll = (ids) => {
    const centre = app.network.getViewPosition(), root = ids ? null : nearestRoot(centre);
    const list = ids || D.shownIds().filter((id) => M.rootOf(id) === root), floor = minScale('all');
    const b = app.camera.extent(list);
    if (b && frameWhole(app.network, b, floor, 1.1)) return app.network.getScale();
    const top = D.posOf(list[0]), box = paneBox();
    app.network.moveTo({position: {x: top.x, y: top.y + (box.height / 2 - 90) / floor}, scale: floor, animation: false});
    return app.network.getScale();
  };
  const nearestRoot = (p) => {
    let best = null, dist = Infinity;
    M.roots.forEach((r) => {
      if (!D.isVisible(r)) return;
      const q = D.posOf(r), d = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
      if (d < dist) { dist = d; best = r; }
    });
    return best || M.start;
  };
  const show = (name) => {
    ensure(name);
    D.hideTooltip();  // a tooltip never outlives the level it was opened on
    const was = level;
    level = name;
    pane.setAttribute('data-level', name);
    if (was === 'cases' && name !== 'cases' && pane.style.height) {
      pane.style.height = '';
      networkOf(name).setSize('100%', '100%');
    }
    networkOf(name).redraw();
    controls();
    app.emit('level', name);
  };
  const coarser = () => levels[levels.indexOf(level) - 1] || null;
  // Zooming out past the floor goes one level up, centred on the case that was in view.
  const onZoom = (name) => () => {
    const net = networkOf(name), floor = minScale(name);
    if (level !== name || net.getScale() >= floor * 0.98 || app.tour && app.tour.active()) return;
    const up = coarser();
    if (!up) { net.moveTo({scale: floor, animation: false}); return; }
    const root = name === 'all' ? nearestRoot(net.getViewPosition()) : null;
    show(up);
    if (up === 'theses' && root) centreOn('theses', root);
    else fitLevel(up);
  };
  const centreOn = (name, id) => {
    const ids = [id, ...(name === 'theses' ? M.kids.get(id) : [])];
    fitLevel(name, ids.filter((x) => views[name].ds.nodes.get(x)));
  };

  // ------------------------------------------------------------------ opening a case, Back
  const openCase = (id, push = true) => {
    if (!M.byId.has(id)) return;
    show('all');
    const list = D.shownIds().filter((x) => M.rootOf(x) === id);
    fitAll(list.length ? list : [id]);
    app.network.selectNodes([id]);
    if (push) {
      try { history.pushState({argmap: 'case', id}, '', location.pathname + location.search); } catch { /* file:// may refuse */ }
    }
  };
  const back = () => {
    if (history.state && history.state.argmap === 'case') { history.back(); return; }
    show(levels[0]);
    fitLevel(levels[0]);
  };
  window.addEventListener('popstate', (ev) => {
    if (app.tour && app.tour.active()) return;
    const state = ev.state;
    if (state && state.argmap === 'case') openCase(state.id, false);
    else if (levels[0] !== 'all' && !location.hash) { show(levels[0]); fitLevel(levels[0]); }
  });

  // ------------------------------------------------------------------ controls
  const bar = ui('div', {class: 'lod-bar', role: 'group', 'aria-label': 'Level of detail'});
  const leaveTour = () => { if (app.tour && app.tour.active()) app.tour.leave(); };
  const backButton = ui('button', {type: 'button', class: 'lod-back', text: '\u2190 Cases', title: 'Back to the cases of the map',
    onclick: () => { leaveTour(); back(); }});
  const levelButtons = levels.map((name) => ui('button', {type: 'button', 'data-level': name, 'aria-pressed': 'false',
    text: {cases: 'Cases', theses: 'Theses', all: 'All claims'}[name],
    title: {cases: 'One card per thesis, with the links between them', theses: 'Each thesis with its direct reasons and objections',
      all: 'Every claim'}[name],
    onclick: () => { leaveTour(); show(name); fitLevel(name); }}));
  const controls = () => {
    backButton.hidden = !(levels[0] === 'cases' && level !== 'cases' && level !== 'tour');
    levelButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.getAttribute('data-level') === level)));
  };
  if (levels.length > 1) bar.append(backButton, ...levelButtons);
  pane.appendChild(bar);  // tour.js adds its button here too
  // Fit and the zoom buttons act on the level shown, and never zoom below its legible floor: past it,
  // zooming out goes one level up (camera.js's own handlers are not reached).
  document.querySelector('#graph-pane .zoom').addEventListener('click', (ev) => {
    const button = ev.target.closest('button');
    if (!button) return;
    ev.stopPropagation();
    if (button.id === 'fit') { fitLevel(level); return; }
    const net = networkOf(level), factor = button.id === 'zoom-in' ? 1.3 : 1 / 1.3;
    net.moveTo({scale: Math.min(2, Math.max(net.getScale() * factor, minScale(level) * 0.9)), animation: false});
    onZoom(level)();
  }, true);

  // ------------------------------------------------------------------ start
  // The coarse views are built when first shown: a map opened on a claim never pays for them.
  const builders = {
    cases: () => {
      const v = makeView('cases', caseItems(), {}, 'The cases of the map: one card per thesis, with the links between them');
      v.net.on('click', (p) => { if (p.nodes.length) openCase(String(p.nodes[0]).slice(5)); });
      v.net.on('zoom', onZoom('cases'));
    },
    theses: () => {
      const v = makeView('theses', thesisItems(), {groups: D.groups}, 'Each thesis with its direct reasons and objections');
      v.net.on('click', (p) => { if (p.nodes.length) app.selection.select(String(p.nodes[0]), {camera: true}); });
      v.net.on('zoom', onZoom('theses'));
    }
  };
  const ensure = (name) => { if (!views[name] && builders[name]) builders[name](); };
  // A map of several theses opens on its cases, unless a permalink asks for a claim or a step.
  app.on('network', () => {
    app.network.on('zoom', onZoom('all'));
    show('all');
    if (levels[0] !== 'cases' || location.hash) return;
    show('cases');
    fitLevel('cases');
    // The central thesis's case is marked, as the legend says ("at first: the central thesis").
    if (views.cases.ds.nodes.get(`case:${M.start}`)) views.cases.net.selectNodes([`case:${M.start}`]);
  });
  // Anything that selects a claim (outline, search, panel links, permalinks) shows it on the map itself.
  app.on('selected', () => { if (level !== 'all' && !(app.tour && app.tour.active())) show('all'); });
  app.on('refreshed', () => { if (level !== 'all' && !(app.tour && app.tour.active())) show('all'); });

  app.lod = {
    levels, level: () => level, show, fit: fitLevel, openCase, back, minScale, LEGIBLE,
    network: () => networkOf(level), views, makeView, frameBoxes, label: thesisLabel, edgeLook, bar
  };
})();
