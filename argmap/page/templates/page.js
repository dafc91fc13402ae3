/* argmap map page. Builds every piece of DOM with textContent: no map text is ever parsed as HTML. */
(function () {
  'use strict';
  function mark(name) { if (window.performance && performance.mark) performance.mark('argmap-' + name); }
  mark('start');
  var model = JSON.parse(document.getElementById('argmap-data').textContent);
  var RTL = model.dir === 'rtl';
  var nodes = model.nodes, edges = model.edges;
  var N = nodes.length;
  var byId = new Map(), kids = new Map(), inE = new Map(), outE = new Map(), depth = new Map();
  nodes.forEach(function (n) { byId.set(n.id, n); kids.set(n.id, []); inE.set(n.id, []); outE.set(n.id, []); });
  nodes.forEach(function (n) {  // nodes come in pre-order: a parent is always seen before its children
    if (n.parent && kids.has(n.parent)) { kids.get(n.parent).push(n.id); depth.set(n.id, depth.get(n.parent) + 1); }
    else depth.set(n.id, 0);
  });
  edges.forEach(function (e) {
    if (outE.has(e.from)) outE.get(e.from).push(e);
    if (inE.has(e.to)) inE.get(e.to).push(e);
  });

  var ROLES = {
    thesis: {name: 'Thesis', mark: '\u2605'},
    reason: {name: 'Reason', mark: '+'},
    objection: {name: 'Objection', mark: '\u2212'},
    rebuttal: {name: 'Rebuttal', mark: '\u21BA'},
    evidence: {name: 'Evidence', mark: '\u00A7'},
    undercut: {name: 'Undercut', mark: '\u21AF'},
    claim: {name: 'Claim', mark: '\u25CB'},
    argument: {name: 'Together', mark: '\u25C6'}
  };
  // What a link's source is for its target (the graph's per-edge role; older data: from the relation).
  function edgeRole(e) {
    if (e.role) return e.role;
    if (e.relation === 'attack') return e.undercut ? 'undercut' : 'objection';
    return e.relation === 'support' ? 'reason' : e.relation;
  }
  // The role a claim plays where it is drawn: the role of its link to the node it sits under, so a
  // claim that supports one node and attacks another reads as a reason under the first.
  var drawnRole = new Map();
  nodes.forEach(function (n) {
    var r = n.role;
    if (n.parent) {
      var up = outE.get(n.id).filter(function (e) { return e.to === n.parent; })[0];
      if (up) r = displayRole(edgeRole(up), n);
    }
    drawnRole.set(n.id, ROLES[r] ? r : 'claim');
  });
  function displayRole(er, n) {
    if (er === 'premise') return n.role === 'evidence' ? 'evidence' : 'reason';
    if (er === 'conclusion') return 'argument';
    return er;
  }
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif';
  function grp(bg, border, dashes, width, extra) {
    var g = {color: {background: bg, border: border, highlight: {background: '#FFF7CC', border: border},
      hover: {background: bg, border: border}}, borderWidth: width, borderWidthSelected: width + 2,
      shapeProperties: {borderDashes: dashes, borderRadius: 6}};
    if (extra) Object.keys(extra).forEach(function (k) { g[k] = extra[k]; });
    return g;
  }
  var GROUPS = {
    thesis: grp('#D7E9F7', '#0072B2', false, 4, {font: {size: 21, face: FONT, color: '#0B2239'},
      widthConstraint: {minimum: 170}, margin: 14}),
    reason: grp('#DDF1E9', '#007A5A', false, 2),
    objection: grp('#FBE3D6', '#D55E00', [7, 4], 2.5),
    rebuttal: grp('#F4E3EE', '#A4497F', [3, 3], 2.5),
    undercut: grp('#FBE3D6', '#D55E00', [7, 4], 2.5),
    // Evidence is a pill (a box with round ends): as distinct as an ellipse, without an ellipse's extra width.
    evidence: grp('#FFF3D1', '#B07800', false, 2, {shapeProperties: {borderDashes: false, borderRadius: 22}}),
    claim: grp('#EEF0F2', '#7D8790', false, 1.5),
    argument: {shape: 'diamond', size: 11, borderWidth: 2.5, borderWidthSelected: 4,
      color: {background: '#FFFFFF', border: '#007A5A', highlight: {background: '#FFF7CC', border: '#007A5A'},
        hover: {background: '#FFFFFF', border: '#007A5A'}},
      font: {size: 12, face: FONT, color: '#4A5560', background: 'rgba(251,252,253,0.85)'}, widthConstraint: false}
  };
  var SUPPORT = '#007A5A', ATTACK = '#D55E00', REBUT = '#A4497F';

  function $(id) { return document.getElementById(id); }
  function h(tag, props, children) {
    var el = document.createElement(tag);
    if (props) Object.keys(props).forEach(function (k) {
      var v = props[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'text') el.textContent = v;
      else if (k === 'class') el.className = v;
      else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return el;
  }
  // Labels are wrapped here, by characters, rather than by vis (which measures every word on the canvas).
  function wrap(s, width) {
    var out = [], line = '';
    String(s).split(/\s+/).forEach(function (w) {
      while (w.length > width + 4) { if (line) { out.push(line); line = ''; } out.push(w.slice(0, width)); w = w.slice(width); }
      if (!line) line = w; else if (line.length + 1 + w.length <= width) line += ' ' + w; else { out.push(line); line = w; }
    });
    if (line) out.push(line);
    return out.join('\n');
  }
  function clip(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1).replace(/\s+\S*$/, '') + '\u2026' : s; }
  function roleKey(n) { return drawnRole.get(n.id) || 'claim'; }
  function role(n) { return ROLES[roleKey(n)]; }
  function plural(count, one, many) { return count + ' ' + (count === 1 ? one : many); }
  // UI chrome is English and left-to-right even on a right-to-left map; the map's own text is not.
  function ui(tag, props, children) {
    props = props || {}; props.lang = 'en'; props.dir = 'ltr';
    return h(tag, props, children);
  }
  function speakerName(n) { var s = n.speaker && model.speakers[n.speaker]; return s ? (s.name || n.speaker) : (n.speaker || ''); }
  function safeUrl(u) { return typeof u === 'string' && /^\s*(https?|mailto):/i.test(u) && !/[\u0000-\u001f]/.test(u) ? u.trim() : null; }

  // ------------------------------------------------------------------ state
  var collapsed = new Set();
  var filters = {speaker: '', tag: '', kind: '', side: ''};
  var focusSet = null, focusId = null;
  var selected = null;
  var accept = {on: false, available: false, whatIf: {rejected: [], accepted: []}, labels: null, base: null, strength: null};

  // Big maps open with deep subtrees collapsed so the first draw stays fast.
  var OPEN_LIMIT = 1200;
  if (N > OPEN_LIMIT) {
    var perDepth = [];
    nodes.forEach(function (n) { var d = depth.get(n.id); perDepth[d] = (perDepth[d] || 0) + 1; });
    var total = 0, maxD = 0;
    for (var d = 0; d < perDepth.length; d++) { total += perDepth[d] || 0; if (total > OPEN_LIMIT && d > 0) break; maxD = d; }
    nodes.forEach(function (n) { if (depth.get(n.id) === maxD && kids.get(n.id).length) collapsed.add(n.id); });
  }

  // x positions: Python's layout for the fully expanded tree; with subtrees collapsed, the same
  // leaf-counting placement is redone here over the drawn tree, so collapsed maps stay compact.
  var SLOT = (model.layout && model.layout.slot) || 230, LAYER = (model.layout && model.layout.layer) || 180, SIGN = RTL ? -1 : 1;
  var roots = nodes.filter(function (n) { return !n.parent; }).map(function (n) { return n.id; });
  var START = model.layout && byId.has(model.layout.start) ? model.layout.start : roots[0];
  var cx = new Map();
  function repack() {
    if (!collapsed.size) { nodes.forEach(function (n) { cx.set(n.id, n.x); }); return; }
    // Each tree keeps its place (its root does not move); only what is inside it closes up.
    roots.forEach(function (r) {
      var slot = new Map(), next = 0, stack = [[r, false]];
      while (stack.length) {
        var top = stack.pop(), id = top[0], ks = collapsed.has(id) ? [] : kids.get(id);
        if (top[1]) { slot.set(id, (slot.get(ks[0]) + slot.get(ks[ks.length - 1])) / 2); continue; }
        if (!ks.length) { slot.set(id, next++); continue; }
        stack.push([id, true]);
        for (var i = ks.length - 1; i >= 0; i--) stack.push([ks[i], false]);
      }
      var base = slot.get(r), x0 = byId.get(r).x;
      slot.forEach(function (v, id) { cx.set(id, x0 + SIGN * Math.round((v - base) * SLOT)); });
    });
  }
  var focusPos = null, stale = new Set();  // focus mode's own positions; nodes to put back after it
  function posOf(id) { return focusPos && focusPos.has(id) ? focusPos.get(id) : {x: cx.get(id), y: byId.get(id).y}; }
  repack();

  function hiddenCount(id) {
    var c = 0, stack = kids.get(id).slice();
    while (stack.length) { var k = stack.pop(); c++; Array.prototype.push.apply(stack, kids.get(k)); }
    return c;
  }

  // ------------------------------------------------------------------ vis data
  function acceptPrefix(id) {
    if (!accept.on || !accept.labels) return '';
    var l = accept.labels[id];
    return l === 'IN' ? '\u2714 IN  ' : l === 'OUT' ? '\u2718 OUT  ' : l ? '? UNDEC  ' : '';
  }
  function visLabel(n) {
    if (n.type === 'argument') return acceptPrefix(n.id) + clip(argCaption(n) || 'together', 40);
    var r = role(n), top = r.mark + ' ' + r.name.toUpperCase(), sp = speakerName(n);
    if (RTL) top = '\u200E' + top;  // a left-to-right mark keeps "+ REASON" in English order on a right-to-left canvas
    var lab = acceptPrefix(n.id) + top + '\n' + wrap(clip(n.label, 90), n.role === 'thesis' ? 22 : 21);
    // Who said it goes last, on its own line, so no line is wider than the wrapped text.
    if (sp) lab += '\n\u2014 ' + clip(sp, 20);
    if (collapsed.has(n.id)) lab += '\n\u25B8 ' + hiddenCount(n.id) + ' more below';
    return lab;
  }
  // A junction's caption: the instructor's label for the step, else none (the graph's default label
  // is the word "together", and its text repeats a given label).
  function argCaption(n) { return n.label && n.label !== 'together' ? n.label : null; }
  function tooltip(n) {
    var t = n.text, sp = speakerName(n);
    if (n.type === 'argument') t = (n.label && n.label !== n.text ? n.label + '\n' : '') + n.text;
    if (sp) t += '\n\u2014 ' + sp;
    return t;
  }
  function accStyle(id) {
    if (!accept.on || !accept.labels) return {opacity: 1, borderWidth: undefined, shapeProperties: undefined};
    var l = accept.labels[id];
    if (l === 'OUT') return {opacity: 0.45, borderWidth: undefined, shapeProperties: undefined};
    if (l === 'IN') return {opacity: 1, borderWidth: 5, shapeProperties: undefined};
    return {opacity: 1, borderWidth: 3, shapeProperties: {borderDashes: [2, 3], borderRadius: 6}};
  }

  var visible = new Map();  // id -> is it in the vis DataSet (only shown nodes are: hidden ones cost time)
  var edgeShown = [];
  // A link from one tree to another (a claim in one case answering a claim in another) runs across
  // the whole map, and a dozen of them drawn at once hide the trees. On a map with more than a few,
  // such a link is drawn only while one of its ends is selected or hovered, and in focus mode; links
  // between theses side by side in one row always stay (short arcs, the debate's spine).
  var treeOf = new Map();
  nodes.forEach(function (n) { treeOf.set(n.id, n.parent ? treeOf.get(n.parent) : n.id); });
  var CROSS_ALWAYS = 6;  // a small map's few links between trees are drawn all the time
  var crossTree = edges.map(function (e) {
    if (treeOf.get(e.from) === treeOf.get(e.to)) return false;
    var a = byId.get(e.from), b = byId.get(e.to);
    return !(!a.parent && !b.parent && a.y === b.y);
  });
  if (crossTree.filter(Boolean).length <= CROSS_ALWAYS) crossTree = edges.map(function () { return false; });
  var crossOf = new Map();  // id -> indices of its cross-tree links
  crossTree.forEach(function (cross, i) {
    if (!cross) return;
    [edges[i].from, edges[i].to].forEach(function (id) { if (!crossOf.has(id)) crossOf.set(id, []); crossOf.get(id).push(i); });
  });
  var lit = new Set();  // the selected and the hovered claim: their cross-tree links are drawn
  function edgeWanted(e, i) {
    return !!(visible.get(e.from) && visible.get(e.to)) && (!crossTree[i] || !!focusSet || lit.has(e.from) || lit.has(e.to));
  }
  function syncCrossLinks(ids) {
    var add = [], rem = [];
    ids.forEach(function (id) {
      (crossOf.get(id) || []).forEach(function (i) {
        var want = edgeWanted(edges[i], i);
        if (edgeShown[i] === want) return;
        edgeShown[i] = want;
        if (want) add.push(visEdge(edges[i], i)); else rem.push(i);
      });
    });
    if (rem.length) edgeData.remove(rem);
    if (add.length) edgeData.add(add);
  }
  function light(id, on) {
    if (id === null || !crossOf.has(id) || lit.has(id) === on) return;
    if (on) lit.add(id); else lit.delete(id);
    syncCrossLinks([id]);
  }
  function computeVisibility() {
    var match = new Map();
    var anyFilter = filters.speaker || filters.tag || filters.kind || filters.side;
    nodes.forEach(function (n) {
      var ok = true;
      if (anyFilter && n.type !== 'argument') {
        if (filters.speaker && n.speaker !== filters.speaker) ok = false;
        if (filters.tag && !(n.tags && n.tags.indexOf(filters.tag) >= 0)) ok = false;
        if (filters.kind && n.kind !== filters.kind) ok = false;
        if (filters.side && n.side !== filters.side) ok = false;
      }
      if (focusSet && !focusSet.has(n.id)) ok = false;
      match.set(n.id, ok);
    });
    if (anyFilter) nodes.forEach(function (n) {  // a junction shows when a claim it joins shows
      if (n.type !== 'argument' || !match.get(n.id) && focusSet) return;
      var ok = inE.get(n.id).concat(outE.get(n.id)).some(function (e) {
        var o = e.from === n.id ? e.to : e.from; return byId.get(o).type !== 'argument' && match.get(o);
      });
      match.set(n.id, ok);
    });
    var under = new Map();  // hidden because an ancestor is collapsed
    nodes.forEach(function (n) {
      under.set(n.id, !!n.parent && (under.get(n.parent) || collapsed.has(n.parent)));
    });
    return {match: match, under: under};
  }

  function visNode(n) {
    var a = accStyle(n.id);
    var p = posOf(n.id), v = {id: n.id, label: visLabel(n), title: tooltip(n), group: roleKey(n), x: p.x, y: p.y};
    if (accept.on) { v.opacity = a.opacity; if (a.borderWidth) v.borderWidth = a.borderWidth; if (a.shapeProperties) v.shapeProperties = a.shapeProperties; }
    return v;
  }
  var vis = {match: null, under: null};
  function initialNodes() {
    var v = computeVisibility(); vis = v;
    var out = [];
    nodes.forEach(function (n) {
      var show = v.match.get(n.id) && !v.under.get(n.id); visible.set(n.id, show);
      if (show) out.push(visNode(n));
    });
    return out;
  }
  function initialEdges() {
    var out = [];
    edges.forEach(function (e, i) {
      edgeShown[i] = edgeWanted(e, i);
      if (edgeShown[i]) out.push(visEdge(e, i));
    });
    return out;
  }
  var ATTACK_ARROW = {to: {enabled: true, type: 'bar', scaleFactor: 0.9}};
  var ATTACK_COLOR = {color: ATTACK, highlight: ATTACK, hover: ATTACK};
  var REBUT_COLOR = {color: REBUT, highlight: REBUT, hover: REBUT};
  var SUPPORT_COLOR = {color: SUPPORT, highlight: SUPPORT, hover: SUPPORT};
  function lighter(c) { return {color: c.color, highlight: c.highlight, hover: c.hover, opacity: 0.55}; }
  var PREMISE_ARROW = {to: {enabled: false}};
  var EDGE_FONT = {size: 13, face: FONT, color: ATTACK, strokeWidth: 4, strokeColor: '#fbfcfd', align: 'middle'};
  var CURVED = {enabled: true, type: 'curvedCW', roundness: 0.2};
  // Styled by the link's own role: dashes and arrow heads, not colour alone, tell support from attack.
  function visEdge(e, i) {
    var v = {id: i, from: e.from, to: e.to}, r = edgeRole(e);
    if (e.relation === 'attack') {
      v.arrows = ATTACK_ARROW;
      if (r === 'rebuttal') { v.color = REBUT_COLOR; v.dashes = [3, 4]; }
      else { v.color = ATTACK_COLOR; v.dashes = [8, 5]; }
      if (r === 'undercut') { v.label = 'undercuts'; v.font = EDGE_FONT; }
    } else if (e.relation === 'premise') v.arrows = PREMISE_ARROW;
    // A link between claims on the same level (e.g. thesis against thesis) bends, so it does not run through the nodes between.
    // Links beyond the tree (to a node the source is not drawn under) are thinner, so the tree reads
    // first; a link to another tree is drawn only when asked for, and one thesis answering another
    // is the debate's spine: those two at full strength.
    var src = byId.get(e.from), spine = !src.parent && !byId.get(e.to).parent;
    if (src.parent !== e.to && e.relation !== 'premise' && !crossTree[i] && !spine) { v.width = 1.3; v.color = lighter(v.color || SUPPORT_COLOR); }
    var a = posOf(e.from), b = posOf(e.to);
    if (Math.abs(a.y - b.y) < LAYER / 2 && Math.abs(a.x - b.x) > SLOT * 1.5) v.smooth = CURVED;
    var tip = ROLE_WORD[r] ? ROLE_WORD[r] : '';
    if (e.note) tip += (tip ? '\n' : '') + e.note;
    if (tip) v.title = tip;
    return v;
  }
  var ROLE_WORD = {reason: 'a reason for', evidence: 'evidence for', objection: 'objects to', rebuttal: 'rebuts',
    undercut: 'undercuts the step of', premise: 'a premise of', conclusion: 'together support'};

  mark('model');
  var nodeData = new vis_DataSet(initialNodes());
  var edgeData = new vis_DataSet(initialEdges());
  function vis_DataSet(items) { return new window.vis.DataSet(items); }

  var BIG = N > 2000;
  var options = {
    autoResize: true,
    physics: {enabled: false, solver: 'forceAtlas2Based', stabilization: false,
      forceAtlas2Based: {gravitationalConstant: -80, springLength: 120, avoidOverlap: 0.6}},
    layout: {improvedLayout: false, hierarchical: false},
    interaction: {hover: !BIG, tooltipDelay: 250, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, keyboard: false,
      multiselect: false, navigationButtons: false, zoomSpeed: 0.8},
    nodes: {shape: 'box', margin: 10, font: {face: FONT, size: 18, color: '#1B1F24', multi: false},
      widthConstraint: {minimum: 120}, borderWidth: 2, labelHighlightBold: false,
      shapeProperties: {borderRadius: 6}, chosen: true},
    edges: {smooth: false, width: 2, selectionWidth: 1.5, arrowStrikethrough: false,
      color: {color: SUPPORT, highlight: SUPPORT, hover: SUPPORT, inherit: false},
      arrows: {to: {enabled: true, scaleFactor: 0.8, type: 'arrow'}}, hoverWidth: 0.5},
    groups: GROUPS
  };
  var container = $('graph');
  if (RTL) container.setAttribute('dir', 'rtl');
  mark('datasets');
  var network = new window.vis.Network(container, {nodes: nodeData, edges: edgeData}, options);
  mark('network');
  window.network = network;
  network.once('afterDrawing', function () {
    mark('ready');
    document.body.setAttribute('data-ready', '1');
    window.argmapReady = true;
  });

  var drawnX = new Map();
  function refresh() {
    var v = computeVisibility(); vis = v;
    var before = new Map(cx);
    repack();
    var addN = [], remN = [], addE = [], remE = [];
    nodes.forEach(function (n) {
      var show = !!(v.match.get(n.id) && !v.under.get(n.id));
      if (visible.get(n.id) !== show) { visible.set(n.id, show); if (show) addN.push(visNode(n)); else remN.push(n.id); }
    });
    edges.forEach(function (e, i) {
      var want = edgeWanted(e, i);
      if (edgeShown[i] !== want) { edgeShown[i] = want; if (want) addE.push(visEdge(e, i)); else remE.push(i); }
    });
    if (remE.length) edgeData.remove(remE);
    if (remN.length) nodeData.remove(remN);
    if (addN.length) nodeData.add(addN);
    if (addE.length) edgeData.add(addE);
    if (!physicsOn()) {
      var moved = [];
      nodes.forEach(function (n) {
        if (visible.get(n.id) && (before.get(n.id) !== cx.get(n.id) || stale.has(n.id))) moved.push({id: n.id, x: posOf(n.id).x, y: posOf(n.id).y});
      });
      stale.clear();
      if (moved.length) nodeData.update(moved);
    }
    updateOutlineVisibility();
    updateStatus();
  }
  function relabel(ids) {
    var upd = ids.filter(function (id) { return visible.get(id); }).map(function (id) { var v = visNode(byId.get(id)); delete v.x; delete v.y; return v; });
    if (upd.length) nodeData.update(upd);
  }

  function updateStatus() {
    // Claims are what a student counts; a linked-premise junction (◆) is part of a step, not a claim.
    var shown = 0, total = 0;
    nodes.forEach(function (n) { if (n.type !== 'argument') { total++; if (visible.get(n.id)) shown++; } });
    var msg = shown === total ? (total === 1 ? 'Showing the one claim' : 'Showing all ' + total + ' claims')
      : 'Showing ' + shown + ' of ' + plural(total, 'claim', 'claims');
    if (collapsed.size) msg += ' \u00B7 ' + collapsed.size + ' collapsed';
    if (focusSet) msg += ' \u00B7 focused on \u201C' + clip(byId.get(focusId).label, 30) + '\u201D';
    $('status').textContent = msg;
    $('show-all').hidden = !(focusSet || filters.speaker || filters.tag || filters.kind || filters.side);
  }

  // ------------------------------------------------------------------ selection
  function reveal(id) {
    var v = vis;
    if (!v.match.get(id)) {  // filtered or focused away: drop filters and focus
      resetFilters(); leaveFocus();
    }
    var changed = [], p = byId.get(id).parent;
    while (p) { if (collapsed.has(p)) { collapsed.delete(p); changed.push(p); } p = byId.get(p).parent; }
    if (changed.length) { relabel(changed); changed.forEach(rebuildOutlineItem); }
    refresh();
  }
  function moveCamera(id) {
    var scale = Math.max(network.getScale(), 0.85);
    network.focus(id, {scale: scale, animation: N > 3000 ? false : {duration: 350, easingFunction: 'easeInOutQuad'}});
  }
  function select(id, opts) {
    opts = opts || {};
    if (!byId.has(id)) return;
    reveal(id);
    light(selected, false);
    selected = id;
    light(id, true);
    network.selectNodes([id]);
    if (opts.camera) moveCamera(id);
    showPanel(id);
    showPeek(id);
    outlineSelect(id, opts.fromOutline);
    $('focus').disabled = false;
    if (opts.hash !== false) {
      try { history.replaceState(null, '', '#' + encodeURIComponent(id)); } catch (err) { /* file:// in some browsers */ }
    }
  }
  function intro() {
    var claims = 0, theses = [];
    nodes.forEach(function (n) { if (n.type !== 'argument') { claims++; if (n.role === 'thesis') theses.push(n.id); } });
    var parts = [ui('h2', {text: 'How to read this map'}),
      ui('p', {class: 'hint', text: plural(claims, 'claim', 'claims') + ', ' + plural(Object.keys(model.speakers).length, 'speaker', 'speakers') + ', ' +
        plural(Object.keys(model.sources).length, 'source', 'sources') + '. The thesis is at the top; each claim below it is a reason for ' +
        'or an objection to the claim it points to. Click a claim, in the map or the outline, to read it in full with its speaker, ' +
        'source and verbatim quote; double-click to collapse or expand what is below it.'})];
    // The legend's static list (trusted template HTML, no map text) is shown here while nothing is selected.
    var key = $('legend').querySelector('ul').cloneNode(true);
    key.className = 'key';
    parts.push(ui('section', {'aria-label': 'Legend'}, [ui('h3', {text: 'Legend'}), key]));
    if (theses.length) parts.push(linkList(theses.length > 1 ? 'Theses' : 'Thesis', theses.map(function (id) { return {id: id}; })));
    return parts;
  }
  // On a phone the panel sits below the map: a one-line card on the map says what is selected
  // and takes the reader to the details (hidden by CSS on wide screens).
  function showPeek(id) {
    var peek = $('peek');
    if (id === null) { peek.hidden = true; return; }
    var n = byId.get(id);
    peek.replaceChildren(badge(n), h('span', {class: 'txt', dir: 'auto', text: n.type === 'argument' ? n.text : n.label}),
      ui('button', {type: 'button', text: 'Details \u2193', onclick: function () { $('panel').scrollIntoView({block: 'start'}); $('panel').focus({preventScroll: true}); }}));
    peek.hidden = false;
  }
  function clearSelection() {
    light(selected, false);
    selected = null; network.unselectAll(); showPeek(null);
    var panel = $('panel');
    panel.replaceChildren.apply(panel, intro().filter(Boolean));
    outlineSelect(null);
    $('focus').disabled = true;
    try { history.replaceState(null, '', location.pathname + location.search); } catch (err) { /* ignore */ }
  }

  network.on('click', function (p) {
    if (p.nodes && p.nodes.length) select(String(p.nodes[0]));
    else if (!p.edges || !p.edges.length) clearSelection();
  });
  // The legend lists only what this map draws: a first map of three claims explains three things.
  (function trimLegend() {
    var used = new Set();
    nodes.forEach(function (n) { used.add(roleKey(n)); });
    edges.forEach(function (e, i) {
      var r = edgeRole(e);
      if (e.relation === 'support' || e.relation === 'conclusion') used.add('support');
      if (e.relation === 'attack') used.add(r === 'rebuttal' ? 'rebut' : 'attack');
      if (r === 'undercut') used.add('undercut');
      if (crossTree[i]) used.add('cross');
    });
    $('legend').querySelectorAll('li[data-key]').forEach(function (li) { li.hidden = !used.has(li.getAttribute('data-key')); });
  })();
  network.on('hoverNode', function (p) { light(String(p.node), true); });
  network.on('blurNode', function (p) { var id = String(p.node); if (id !== selected) light(id, false); });
  network.on('doubleClick', function (p) { if (p.nodes && p.nodes.length) toggleCollapse(String(p.nodes[0])); });

  // ------------------------------------------------------------------ panel
  function badge(n) { return roleBadge(roleKey(n)); }
  function roleBadge(key) { var r = ROLES[key] || ROLES.claim; return ui('span', {class: 'badge r-' + (ROLES[key] ? key : 'claim'), text: r.mark + ' ' + r.name}); }
  function nodeLink(id, prefix) {
    var n = byId.get(id);
    return h('a', {href: '#' + encodeURIComponent(id), dir: 'auto', 'data-id': id, text: (prefix || '') + n.label,
      onclick: function (ev) { ev.preventDefault(); select(id, {camera: true}); }});
  }
  function linkList(title, list) {
    if (!list.length) return null;
    return h('section', null, [ui('h3', {text: title + ' (' + list.length + ')'}),
      h('ul', {class: 'links'}, list.map(function (it) {
        return h('li', null, [it.role ? roleBadge(it.role) : badge(byId.get(it.id)), nodeLink(it.id), it.extra ? ui('span', {class: 'muted', text: it.extra}) : null,
          linkNote(it.note)]);
      }))]);
  }
  // The instructor's note on a link (why it holds or fails) is read under the link, not only in a
  // hover tooltip on the line, which a phone or a keyboard never shows.
  function linkNote(note) { return note ? h('p', {class: 'link-note', dir: 'auto', text: note}) : null; }
  function crumbs(id) {
    var path = [], p = byId.get(id).parent;
    while (p) { path.unshift(p); p = byId.get(p).parent; }
    if (!path.length) return null;
    var items = [];
    path.forEach(function (pid) {
      var pn = byId.get(pid);
      items.push(h('a', {href: '#' + encodeURIComponent(pid), dir: 'auto', text: clip(pn.type === 'argument' ? argCaption(pn) || 'together' : pn.label, 40),
        onclick: function (ev) { ev.preventDefault(); select(pid, {camera: true}); }}));
      items.push(h('span', {class: 'sep', 'aria-hidden': 'true', text: RTL ? '\u2039' : '\u203A'}));
    });
    items.push(h('span', {'aria-current': 'location', dir: 'auto', text: clip(byId.get(id).label, 40)}));
    return h('nav', {class: 'crumbs', 'aria-label': 'Path to the thesis'}, items);
  }
  function showPanel(id) {
    var n = byId.get(id), panel = $('panel');
    var parts = [crumbs(id), ui('p', null, [badge(n)])];
    if (n.side && n.role !== 'thesis') parts[1].appendChild(ui('span', {class: 'muted side', text: n.side === 'pro' ? ' on the thesis\u2019s side' : ' against the thesis'}));
    if (n.type === 'argument') {
      parts.push(ui('h2', {class: 'vh', text: 'Linked premises'}));
      parts.push(h('p', {class: 'claim-text', dir: 'auto', text: argCaption(n) || 'These premises support the conclusion only together.'}));
      if (argCaption(n)) parts.push(ui('p', {class: 'muted', text: 'Linked premises: they support the conclusion only together.'}));
      if (n.scheme) parts.push(h('dl', null, [ui('dt', {text: 'Scheme'}), h('dd', {dir: 'auto', text: n.scheme})]));
    } else {
      parts.push(ui('h2', {class: 'vh', text: 'Claim'}));
      parts.push(h('p', {class: 'claim-text', dir: 'auto', text: n.text}));
    }
    var dl = [];
    function row(term, value) { if (value) dl.push(ui('dt', {text: term}), h('dd', {dir: 'auto'}, [value])); }
    if (n.speaker) {
      var sp = model.speakers[n.speaker] || {};
      row('Speaker', (sp.name || n.speaker) + (sp.role ? ', ' + sp.role : ''));
    }
    if (n.source) {
      var src = model.sources[n.source] || {title: n.source};
      var bits = [src.title || n.source];
      if (src.author) bits.push(src.author);
      if (src.date) bits.push(String(src.date));
      if (src.kind) bits.push(src.kind);
      var url = safeUrl(src.url);
      var srcEl = h('span', null, [bits.join(' \u00B7 ')]);
      if (url) { srcEl.appendChild(document.createTextNode(' ')); srcEl.appendChild(h('a', {href: url, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr', text: 'open source \u2197'})); }
      row('Source', srcEl);
    }
    row('Where', n.locator);
    if (n.group) row('From', n.group);
    row('Id', n.id);
    if (dl.length) parts.push(h('dl', null, dl));
    if (n.quote) parts.push(h('blockquote', {dir: 'auto', 'aria-label': 'Verbatim quote from the source'}, [h('span', {class: 'vh', text: 'Quote: '}), '\u201C' + n.quote + '\u201D']));
    if (n.note) parts.push(h('p', {class: 'note', dir: 'auto'}, [ui('b', {text: 'Instructor\u2019s note:'}), ' ', h('span', {dir: 'auto', text: n.note})]));
    if (n.tags && n.tags.length) parts.push(h('p', {class: 'tags', 'aria-label': 'Tags'}, n.tags.map(function (t) { return h('span', {dir: 'auto', text: '#' + t}); })));

    // Each link is badged by its own role, so a claim that is a reason here and a rebuttal elsewhere says so.
    var reasons = [], objections = [], premises = [], targets = [];
    inE.get(id).forEach(function (e) {
      var r = edgeRole(e);
      if (e.relation === 'attack') objections.push({id: e.from, role: r, note: e.note});
      else if (e.relation === 'premise') premises.push({id: e.from, role: displayRole(r, byId.get(e.from))});
      else reasons.push({id: e.from, role: displayRole(r, byId.get(e.from)), extra: e.relation === 'conclusion' ? '(linked premises)' : '', note: e.note});
    });
    outE.get(id).forEach(function (e) { targets.push({id: e.to, role: edgeRole(e), note: e.note}); });
    if (n.type === 'argument') parts.push(linkList('Premises, together', premises));
    parts.push(linkList('Reasons', reasons));
    parts.push(linkList('Objections', objections));
    if (targets.length) {
      parts.push(h('section', null, [ui('h3', {text: 'This ' + (n.type === 'argument' ? 'argument' : 'claim') + ' is\u2026'}),
        h('ul', {class: 'links'}, targets.map(function (t) {
          return h('li', null, [roleBadge(displayRole(t.role, n)), ui('span', {class: 'muted', text: ROLE_WORD[t.role] || t.role}), nodeLink(t.id), linkNote(t.note)]);
        }))]));
    }
    var actions = [];
    if (kids.get(id).length) actions.push(ui('button', {type: 'button', text: collapsed.has(id) ? 'Expand below' : 'Collapse below',
      onclick: function () { toggleCollapse(id); showPanel(id); }}));
    actions.push(ui('button', {type: 'button', text: 'Focus here', onclick: function () { focusOn(id); }}));
    actions.push(ui('a', {class: 'permalink', href: '#' + encodeURIComponent(id), text: 'Permalink',
      onclick: function (ev) { ev.preventDefault(); try { history.replaceState(null, '', '#' + encodeURIComponent(id)); } catch (err) { /* ignore */ } }}));
    parts.push(h('div', {class: 'actions'}, actions));
    var acc = accPanel(id);
    if (acc) parts.push(acc);
    panel.replaceChildren.apply(panel, parts.filter(Boolean));
    panel.scrollTop = 0;
  }

  // ------------------------------------------------------------------ outline (ARIA tree)
  var tree = $('outline');
  var items = new Map();  // id -> li (only for rendered items)
  var activeItem = null;
  function outlineItem(id) {
    var n = byId.get(id), has = kids.get(id).length > 0, open = has && !collapsed.has(id);
    var li = h('li', {role: 'treeitem', 'aria-level': depth.get(id) + 1, 'aria-selected': 'false', tabindex: '-1', 'data-id': id,
      'aria-expanded': has ? String(open) : null});
    var row = h('div', {class: 'row'}, [
      h('span', {class: 'tw', 'aria-hidden': 'true', text: has ? (open ? '\u25BE' : '\u25B8') : ''}),
      badge(n),
      h('span', {class: 'txt', dir: 'auto', text: n.type === 'argument' ? (n.label && n.label !== n.text ? n.label : n.text) : n.label})
    ]);
    li.appendChild(row);
    if (open) li.appendChild(outlineGroup(id));
    items.set(id, li);
    return li;
  }
  function outlineGroup(id) {
    return h('ul', {role: 'group'}, kids.get(id).map(outlineItem));
  }
  function dropItems(li) { li.querySelectorAll('li[data-id]').forEach(function (x) { items.delete(x.getAttribute('data-id')); }); }
  function rebuildOutlineItem(id) {
    var li = items.get(id);
    if (!li) return;
    var fresh = outlineItem(id);
    dropItems(li);
    li.replaceWith(fresh);
    items.set(id, fresh);
    if (selected) markSelected(selected);
    updateOutlineVisibility();
  }
  function buildOutline() {
    var roots = nodes.filter(function (n) { return !n.parent; }).map(function (n) { return outlineItem(n.id); });
    tree.replaceChildren.apply(tree, roots);
    if (roots.length) { roots[0].setAttribute('tabindex', '0'); activeItem = roots[0]; }
  }
  function updateOutlineVisibility() {
    if (!vis.match) return;
    var show = new Map();
    for (var i = nodes.length - 1; i >= 0; i--) {  // reverse pre-order: children before parents
      var n = nodes[i], s = vis.match.get(n.id) || show.get(n.id) === true;
      show.set(n.id, s);
      if (s && n.parent) show.set(n.parent, true);
    }
    items.forEach(function (li, id) {
      li.classList.toggle('hide', !show.get(id));
      li.classList.toggle('context', show.get(id) && !vis.match.get(id));
    });
  }
  function markSelected(id) {
    tree.querySelectorAll('li[aria-selected=true]').forEach(function (x) { x.setAttribute('aria-selected', 'false'); });
    var li = id === null ? null : items.get(id);
    if (li) { li.setAttribute('aria-selected', 'true'); setActive(li); }
  }
  function setActive(li) {
    if (activeItem && activeItem !== li) activeItem.setAttribute('tabindex', '-1');
    activeItem = li; li.setAttribute('tabindex', '0');
  }
  function outlineSelect(id, fromOutline) {
    markSelected(id);
    if (id === null) return;
    var li = items.get(id);
    // Keep the selected item in view inside the outline's own scroll box; on a phone the outline is
    // part of the page below the map, and scrolling to it would carry the reader away from the map.
    if (li && !fromOutline && getComputedStyle($('outline-pane')).overflowY !== 'visible') li.scrollIntoView({block: 'nearest'});
    if (li && fromOutline) li.focus();
  }
  function visibleItems() {
    return Array.prototype.filter.call(tree.querySelectorAll('li[role=treeitem]'), function (li) { return li.offsetParent !== null; });
  }
  tree.addEventListener('click', function (ev) {
    var li = ev.target.closest('li[role=treeitem]');
    if (!li) return;
    var id = li.getAttribute('data-id');
    if (ev.target.classList.contains('tw')) { toggleCollapse(id); return; }
    select(id, {camera: true, fromOutline: true});
  });
  tree.addEventListener('keydown', function (ev) {
    var li = ev.target.closest('li[role=treeitem]');
    if (!li) return;
    var id = li.getAttribute('data-id'), list, i;
    var fwd = RTL ? 'ArrowLeft' : 'ArrowRight', back = RTL ? 'ArrowRight' : 'ArrowLeft';
    function go(target) { if (target) select(target.getAttribute('data-id'), {camera: true, fromOutline: true}); }
    switch (ev.key) {
      case 'ArrowDown': list = visibleItems(); i = list.indexOf(li); go(list[i + 1]); break;
      case 'ArrowUp': list = visibleItems(); i = list.indexOf(li); go(list[i - 1]); break;
      case 'Home': go(visibleItems()[0]); break;
      case 'End': list = visibleItems(); go(list[list.length - 1]); break;
      case fwd:
        if (li.getAttribute('aria-expanded') === 'false') { toggleCollapse(id); items.get(id).focus(); }
        else if (li.getAttribute('aria-expanded') === 'true') go(li.querySelector('li[role=treeitem]:not(.hide)'));
        break;
      case back:
        if (li.getAttribute('aria-expanded') === 'true') { toggleCollapse(id); items.get(id).focus(); }
        else if (byId.get(id).parent) go(items.get(byId.get(id).parent));
        break;
      case 'Enter': case ' ': select(id, {camera: true, fromOutline: true}); break;
      default: return;
    }
    ev.preventDefault();
  });

  // ------------------------------------------------------------------ collapse, focus, filters
  function toggleCollapse(id) {
    if (!kids.get(id).length) return;
    if (collapsed.has(id)) collapsed.delete(id); else collapsed.add(id);
    relabel([id]);
    rebuildOutlineItem(id);
    refresh();
    if (selected === id) showPanel(id);
  }
  $('expand-all').addEventListener('click', function () {
    var ids = Array.from(collapsed); collapsed.clear(); relabel(ids); buildOutline(); refresh();
    if (selected) markSelected(selected);
    overview();
  });
  function neighbourhood(id, hops) {
    var seen = new Set([id]), frontier = [id];
    function add(y, next) {  // a junction is not a step of its own: its premises and conclusion come with it
      if (seen.has(y)) return;
      seen.add(y); next.push(y);
      if (byId.get(y).type === 'argument') inE.get(y).concat(outE.get(y)).forEach(function (e) { add(e.from === y ? e.to : e.from, next); });
    }
    for (var k = 0; k < hops; k++) {
      var next = [];
      frontier.forEach(function (x) {
        inE.get(x).concat(outE.get(x)).forEach(function (e) { add(e.from === x ? e.to : e.from, next); });
      });
      frontier = next;
    }
    return seen;
  }
  function focusOn(id) {
    focusId = id; focusSet = neighbourhood(id, Number($('hops').value) || 2);
    var changed = [];  // everything in focus must be drawable
    focusSet.forEach(function (x) { var q = byId.get(x).parent; while (q) { if (collapsed.has(q)) { collapsed.delete(q); changed.push(q); } q = byId.get(q).parent; } });
    if (collapsed.has(id)) { collapsed.delete(id); changed.push(id); }
    if (changed.length) { relabel(changed); buildOutline(); }
    refresh();
    var shownHere = Array.from(focusSet).filter(function (x) { return visible.get(x); });
    if (!physicsOn()) placeFocus(id, shownHere);
    select(id, {hash: false});
    // The whole neighbourhood if it fits at a zoom where labels can be read; else that zoom, centred
    // on the claim, the rest a pan away (a busy claim's two steps fit only at ~0.37, unreadable).
    if (fitTo(shownHere, false) < FOCUS_FLOOR) network.moveTo({position: network.getPositions([id])[id], scale: FOCUS_FLOOR, animation: false});
  }
  var FOCUS_FLOOR = 0.6;
  function leaveFocus() {
    if (focusPos) focusPos.forEach(function (p, x) { stale.add(x); });
    focusPos = null; focusSet = null; focusId = null;
  }
  // Focus mode lays the neighbourhood out on its own, as a small layered tree around the claim:
  // what it points to above it, what points to it below, each row in the map's own order. Left where
  // they sit in the whole map, the neighbours of a claim linked to other trees are strewn across it
  // and the view zooms out until nothing can be read.
  function placeFocus(id, ids) {
    var inSet = new Set(ids), level = new Map([[id, 0]]), queue = [id];
    for (var k = 0; k < queue.length; k++) {
      var x = queue[k], L = level.get(x);
      outE.get(x).forEach(function (e) { if (inSet.has(e.to) && !level.has(e.to)) { level.set(e.to, L - 1); queue.push(e.to); } });
      inE.get(x).forEach(function (e) { if (inSet.has(e.from) && !level.has(e.from)) { level.set(e.from, L + 1); queue.push(e.from); } });
    }
    var rows = new Map(), home = {x: cx.get(id), y: byId.get(id).y};
    queue.forEach(function (x) { var L = level.get(x); if (!rows.has(L)) rows.set(L, []); rows.get(L).push(x); });
    var old = focusPos;
    focusPos = new Map();
    rows.forEach(function (row, L) {
      row.sort(function (a, b) { return cx.get(a) - cx.get(b) || byId.get(a).y - byId.get(b).y; });
      row.forEach(function (x, i) { focusPos.set(x, {x: home.x + Math.round((i - (row.length - 1) / 2) * SLOT), y: home.y + L * LAYER}); });
    });
    if (old) old.forEach(function (p, x) { if (!focusPos.has(x)) stale.add(x); });
    var moved = [];
    nodes.forEach(function (n) {
      if (!visible.get(n.id) || !(focusPos.has(n.id) || stale.has(n.id))) return;
      var p = posOf(n.id); moved.push({id: n.id, x: p.x, y: p.y});
    });
    stale.clear();
    if (moved.length) nodeData.update(moved);
  }
  $('focus').addEventListener('click', function () { if (selected) focusOn(selected); });
  $('hops').addEventListener('change', function () { if (focusId) focusOn(focusId); });
  function resetFilters() {
    ['speaker', 'tag', 'kind', 'side'].forEach(function (k) { filters[k] = ''; $('f-' + k).value = ''; });
  }
  $('show-all').addEventListener('click', function () {
    resetFilters(); leaveFocus(); refresh();
    overview();
    if (selected) network.selectNodes([selected]);
  });
  function fillSelect(sel, values) {
    values.forEach(function (v) { sel.appendChild(h('option', {value: v[0], text: v[1]})); });
    if (!values.length) sel.closest('label').hidden = true;
  }
  (function initFilters() {
    var speakersUsed = new Map(), tags = new Map(), kinds = new Set();
    nodes.forEach(function (n) {
      if (n.type === 'argument') return;
      if (n.speaker) speakersUsed.set(n.speaker, speakerName(n));
      (n.tags || []).forEach(function (t) { tags.set(t, t); });
      kinds.add(n.kind);
    });
    function sorted(m) { return Array.from(m.entries()).sort(function (a, b) { return a[1].localeCompare(b[1]); }); }
    fillSelect($('f-speaker'), sorted(speakersUsed));
    fillSelect($('f-tag'), sorted(tags));
    fillSelect($('f-kind'), ['thesis', 'claim', 'evidence'].filter(function (k) { return kinds.has(k); }).map(function (k) { return [k, k]; }));
    ['speaker', 'tag', 'kind', 'side'].forEach(function (k) {
      $('f-' + k).addEventListener('change', function (ev) { filters[k] = ev.target.value; refresh(); });
    });
  })();

  // ------------------------------------------------------------------ search
  var search = $('search'), results = $('search-results'), hits = [], active = -1;
  function closeResults() { results.hidden = true; search.setAttribute('aria-expanded', 'false'); search.removeAttribute('aria-activedescendant'); active = -1; }
  // What a reader types and what the map says should meet however either was keyed in: case, the
  // zero-width non-joiner of Persian (mi-shavad with or without it), Arabic yeh and kaf for the
  // Persian letters, vowel marks and tatweel, compatibility forms.
  var FOLD_DROP = /[\u200c\u200d\u0640\u064b-\u065f\u0670]/g, FOLD_MAP = {'\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9'};
  function fold(s) { return String(s).normalize('NFKC').toLowerCase().replace(FOLD_DROP, '').replace(/[\u064a\u0649\u0643]/g, function (c) { return FOLD_MAP[c]; }); }
  var haystack = null;  // folded id, text, label and quote of each node, built at the first search
  function runSearch() {
    var q = fold(search.value.trim()).replace(/\s+/g, ' ');
    hits = [];
    if (!q) { closeResults(); return; }
    if (!haystack) haystack = nodes.map(function (n) { return fold([n.id, n.text, n.label, n.quote || ''].join('\n')).replace(/[^\S\n]+/g, ' '); });
    var exact = byId.get(search.value.trim());
    if (exact) hits.push(exact.id);
    for (var i = 0; i < N && hits.length < 30; i++) {
      var n = nodes[i];
      if (n.id === (exact && exact.id)) continue;
      if (haystack[i].indexOf(q) >= 0) hits.push(n.id);
    }
    results.replaceChildren.apply(results, hits.length ? hits.map(function (id, k) {
      var n = byId.get(id);
      return h('li', {role: 'option', id: 'sr-' + k, 'aria-selected': 'false', 'data-id': id,
        onmousedown: function (ev) { ev.preventDefault(); choose(id); }},
        [badge(n), ' ', h('span', {dir: 'auto', text: clip(n.label, 120)}), h('span', {class: 'rid', text: n.id})]);
    }) : [h('li', {class: 'none', role: 'option', 'aria-disabled': 'true', text: 'No claim matches'})]);
    results.hidden = false; search.setAttribute('aria-expanded', 'true'); active = -1;
  }
  function setActiveHit(k) {
    var lis = results.querySelectorAll('li[data-id]');
    if (!lis.length) return;
    active = (k + lis.length) % lis.length;
    lis.forEach(function (li, j) { li.setAttribute('aria-selected', String(j === active)); });
    search.setAttribute('aria-activedescendant', lis[active].id);
    lis[active].scrollIntoView({block: 'nearest'});
  }
  function choose(id) {
    closeResults();
    select(id, {camera: true});
    flash(id);
  }
  // A short glow so the eye finds the node; the selection itself never flickers.
  var GLOW = {enabled: true, color: 'rgba(230,159,0,0.95)', size: 28, x: 0, y: 0};
  function flash(id) {
    if (!visible.get(id)) return;
    var k = 0, timer = setInterval(function () {
      if (!visible.get(id)) { clearInterval(timer); return; }
      var on = ++k < 7 && k % 2 === 1;
      nodeData.update({id: id, shadow: on ? GLOW : {enabled: false}});
      if (k >= 7) clearInterval(timer);
    }, 200);
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') { if (results.hidden) runSearch(); setActiveHit(active + 1); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { setActiveHit(active - 1); ev.preventDefault(); }
    else if (ev.key === 'Enter') { var id = hits[active >= 0 ? active : 0]; if (id) choose(id); ev.preventDefault(); }
    else if (ev.key === 'Escape') closeResults();
  });
  search.addEventListener('blur', function () { setTimeout(closeResults, 150); });

  // ------------------------------------------------------------------ view buttons
  $('fit').addEventListener('click', function () { fitTo(null, N <= 3000); });
  function zoomBy(f) { network.moveTo({scale: network.getScale() * f, animation: N > 3000 ? false : {duration: 200}}); }
  $('zoom-in').addEventListener('click', function () { zoomBy(1.3); });
  $('zoom-out').addEventListener('click', function () { zoomBy(1 / 1.3); });
  $('layout-toggle').addEventListener('click', function () {
    var btn = $('layout-toggle'), force = btn.getAttribute('aria-pressed') !== 'true';
    btn.setAttribute('aria-pressed', String(force));
    btn.textContent = force ? 'Layered layout' : 'Force layout';
    if (force) network.setOptions({physics: {enabled: true}});
    else {
      network.setOptions({physics: {enabled: false}});
      nodeData.update(nodes.filter(function (n) { return visible.get(n.id); }).map(function (n) { var p = posOf(n.id); return {id: n.id, x: p.x, y: p.y}; }));
      overview();
    }
  });
  $('toggle-outline').addEventListener('click', function () {
    var main = $('main'), open = main.classList.toggle('no-outline');
    $('toggle-outline').setAttribute('aria-expanded', String(!open));
  });

  // ------------------------------------------------------------------ acceptability (analysis.js)
  var A = window.ArgmapAnalysis;
  accept.available = !!(A && typeof A.grounded === 'function');
  accept.support = 'evidential';  // the reading of support: 'evidential', 'necessary' or 'deductive'
  function readingOf(select) { return ['necessary', 'deductive'].indexOf(select.value) >= 0 ? select.value : 'evidential'; }
  function safeCall(fn, args) {
    try { return fn.apply(A, args); } catch (err) { if (window.console) console.warn('argmap analysis:', err); return null; }
  }
  function computeAcceptance() {
    var res = safeCall(A.grounded, [model, accept.whatIf, {support: accept.support}]);
    accept.labels = res && res.labels ? res.labels : null;
    accept.result = res;
    if (!accept.base) { var b = safeCall(A.grounded, [model, {rejected: [], accepted: []}, {support: accept.support}]); accept.base = b && b.labels ? b.labels : {}; }
    accept.strength = typeof A.dfquad === 'function' ? safeCall(A.dfquad, [model, accept.whatIf]) : null;
  }
  function accPanel(id) {
    if (!accept.available || !accept.on) return null;
    var box = h('section', {class: 'acc', 'aria-label': 'Acceptability'}, [ui('h3', {text: 'Acceptability'})]);
    var l = accept.labels && accept.labels[id];
    if (l) box.appendChild(h('p', null, [h('span', {class: 'acc-label', text: (l === 'IN' ? '\u2714 IN' : l === 'OUT' ? '\u2718 OUT' : '? UNDEC')}),
      ' ' + (l === 'IN' ? 'accepted: every objection to it is answered' : l === 'OUT' ? 'rejected: it does not survive the accepted claims (why below)' : 'undecided: neither accepted nor rejected (why below)')]));
    var st = accept.strength && accept.strength.strength ? accept.strength.strength[id] : undefined;
    if (typeof st === 'number' && isFinite(st)) {
      var pct = Math.max(0, Math.min(1, st));
      box.appendChild(h('div', null, ['Strength ' + pct.toFixed(2),
        h('div', {class: 'bar', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '1', 'aria-valuenow': pct.toFixed(2), 'aria-label': 'Strength'},
          [h('span', {style: 'width:' + Math.round(pct * 100) + '%'})])]));
    }
    if (typeof A.explain === 'function' && accept.result) {
      var why = safeCall(A.explain, [model, accept.result, id, {support: accept.support}]);
      if (typeof why === 'string' && why) box.appendChild(h('p', {dir: 'auto', text: why}));
    }
    var rej = accept.whatIf.rejected.indexOf(id) >= 0, acc = accept.whatIf.accepted.indexOf(id) >= 0;
    box.appendChild(h('div', {class: 'actions'}, [
      h('button', {type: 'button', 'aria-pressed': String(rej), text: rej ? 'Undo reject' : 'Reject', onclick: function () { whatIf(id, 'rejected'); }}),
      h('button', {type: 'button', 'aria-pressed': String(acc), text: acc ? 'Undo accept' : 'Accept as given', onclick: function () { whatIf(id, 'accepted'); }})
    ]));
    var changed = [];
    if (accept.labels && accept.base) nodes.forEach(function (n) {
      var a = accept.base[n.id], b = accept.labels[n.id];
      if (a !== b) changed.push({id: n.id, extra: (a || '\u2013') + ' \u2192 ' + (b || '\u2013')});
    });
    if (accept.whatIf.rejected.length || accept.whatIf.accepted.length) {
      box.appendChild(h('p', {class: 'changes', text: 'What if: rejected ' + accept.whatIf.rejected.length + ', accepted ' + accept.whatIf.accepted.length + '.'}));
      var cl = linkList('What changed', changed);
      box.appendChild(cl || h('p', {class: 'changes', text: 'No label changed.'}));
      box.appendChild(h('button', {type: 'button', text: 'Reset what-if', onclick: function () { accept.whatIf = {rejected: [], accepted: []}; applyAcceptance(); }}));
    }
    return box;
  }
  function whatIf(id, kind) {
    var other = kind === 'rejected' ? 'accepted' : 'rejected';
    var list = accept.whatIf[kind], i = list.indexOf(id);
    if (i >= 0) list.splice(i, 1); else list.push(id);
    var j = accept.whatIf[other].indexOf(id); if (j >= 0) accept.whatIf[other].splice(j, 1);
    applyAcceptance();
  }
  function applyAcceptance() {
    if (accept.on) computeAcceptance();
    nodeData.update(nodes.filter(function (n) { return visible.get(n.id); }).map(function (n) {
      var v = visNode(n); delete v.x; delete v.y;
      if (!accept.on) { v.opacity = 1; v.borderWidth = GROUPS[roleKey(n)].borderWidth; v.shapeProperties = GROUPS[roleKey(n)].shapeProperties || {borderDashes: false}; }
      return v;
    }));
    if (selected) showPanel(selected);
  }
  if (accept.available) {
    $('accept-control').hidden = false;
    var reading = $('support-reading');
    $('accept-toggle').addEventListener('change', function (ev) {
      accept.on = ev.target.checked;
      if (reading) $('support-control').hidden = !accept.on;
      applyAcceptance();
    });
    if (reading) {
      accept.support = readingOf(reading);  // a restored form
      reading.addEventListener('change', function () {
        accept.support = readingOf(reading);
        accept.base = null;  // "what changed" compares with no what-if under the same reading
        applyAcceptance();
      });
    }
  }

  // ------------------------------------------------------------------ start
  (function summaryToggle() {
    var p = document.querySelector('.top .summary');
    if (!p || !p.textContent || p.scrollHeight <= p.clientHeight + 2) return;
    var b = h('button', {type: 'button', class: 'more', 'aria-expanded': 'false', text: 'more',
      onclick: function () { var open = p.classList.toggle('open'); b.setAttribute('aria-expanded', String(open)); b.textContent = open ? 'less' : 'more'; }});
    p.after(b);
  })();
  updateStatus();
  // The outline (up to thousands of DOM items) is built right after the first draw of the map.
  network.once('afterDrawing', function () {
    setTimeout(function () {
      buildOutline();
      updateOutlineVisibility();
      if (selected) outlineSelect(selected);
      tree.setAttribute('aria-busy', 'false');
      mark('outline');
    }, 0);
  });
  function fromHash() {
    var raw = location.hash.slice(1);
    if (!raw) return false;
    var id; try { id = decodeURIComponent(raw); } catch (err) { id = raw; }
    if (!byId.has(id)) return false;
    focusOn(id);
    moveCamera(id);
    return true;
  }
  // Fit from the model's positions (vis's own fit measures every label first, ~150 ms at 1,000 nodes).
  function bbox(ids) {
    var b = {x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity}, pos = physicsOn() ? network.getPositions(ids || undefined) : null;
    (ids || shownIds()).forEach(function (id) {
      var p = pos ? pos[id] : posOf(id);
      if (!p) return;
      b.x0 = Math.min(b.x0, p.x); b.x1 = Math.max(b.x1, p.x); b.y0 = Math.min(b.y0, p.y); b.y1 = Math.max(b.y1, p.y);
    });
    return b.x0 === Infinity ? null : b;
  }
  function shownIds() { return nodes.filter(function (n) { return visible.get(n.id); }).map(function (n) { return n.id; }); }
  function scaleFor(b) {
    var pane = container.getBoundingClientRect();
    return Math.min(1.1, Math.max(0.02, Math.min(pane.width / (b.x1 - b.x0 + 260), pane.height / (b.y1 - b.y0 + 160))));
  }
  function fitTo(ids, animate, alignTop) {
    var b = bbox(ids);
    if (!b) return 1;
    var scale = scaleFor(b), pane = container.getBoundingClientRect();
    var y = alignTop ? b.y0 - 80 + pane.height / 2 / scale : (b.y0 + b.y1) / 2;
    network.moveTo({position: {x: (b.x0 + b.x1) / 2, y: y}, scale: scale, animation: animate ? {duration: 300, easingFunction: 'easeInOutQuad'} : false});
    return scale;
  }
  function physicsOn() { return $('layout-toggle').getAttribute('aria-pressed') === 'true'; }
  // The first view: the whole map if it is readable at that zoom; else the top row of theses, the
  // cases side by side, zoomed out until the row fits but never below a zoom where labels can still
  // be read (FLOOR), centred on the row as far as the central thesis stays whole in view.
  function rootOf(id) { var p = id; while (byId.get(p).parent) p = byId.get(p).parent; return p; }
  function overview() {
    var phone = container.clientWidth < 600, MIN = phone ? 0.6 : 0.75, FLOOR = phone ? 0.5 : 0.45, ids = shownIds();
    if (physicsOn() || !ids.length) { fitTo(null, false); return; }
    network.redraw();  // vis sizes its canvas to the pane on a draw; a zoom set before it is rescaled
    var b = bbox(ids);
    if (b && scaleFor(b) >= MIN) { fitTo(ids, false); return; }
    // Below the readable zoom, a small map is still better whole than cut at the edges.
    if (fitSmallMap(ids, phone ? 0.5 : 0.55)) return;
    var pane = container.getBoundingClientRect(), start = posOf(START), rowY = byId.get(START).y;
    var row = bbox(ids.filter(function (id) { return !byId.get(id).parent && byId.get(id).y === rowY; })) || {x0: start.x, x1: start.x};
    var scale = Math.min(MIN, Math.max(FLOOR, pane.width / (row.x1 - row.x0 + SLOT)));
    // At that zoom, as many other cases as fit around the central thesis, the nearest first.
    var W = pane.width / scale - SLOT, H = pane.height / scale - LAYER;
    var box = {x0: start.x, x1: start.x, y0: start.y, y1: start.y};
    ids.filter(function (id) { return id !== START && !byId.get(id).parent; })
      .map(function (id) { var p = posOf(id); return {p: p, d: Math.abs(p.x - start.x) + Math.abs(p.y - start.y)}; })
      .sort(function (u, v) { return u.d - v.d; })
      .forEach(function (c) {
        var nb = {x0: Math.min(box.x0, c.p.x), x1: Math.max(box.x1, c.p.x), y0: Math.min(box.y0, c.p.y), y1: Math.max(box.y1, c.p.y)};
        if (nb.x1 - nb.x0 <= W && nb.y1 - nb.y0 <= H) box = nb;
      });
    network.moveTo({position: {x: (box.x0 + box.x1) / 2, y: box.y0 + (pane.height / 2 - 60) / scale}, scale: scale, animation: false});
  }
  // scaleFor pads every side by half the widest label; a small map is measured box by box instead,
  // so one that nearly fits (three trees side by side on a phone) opens whole, not cut at both edges.
  function fitSmallMap(ids, floor) {
    if (ids.length > 150) return false;
    var b = {x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity};
    ids.forEach(function (id) {
      var box = network.getBoundingBox(id);
      if (!box) return;
      b.x0 = Math.min(b.x0, box.left); b.x1 = Math.max(b.x1, box.right); b.y0 = Math.min(b.y0, box.top); b.y1 = Math.max(b.y1, box.bottom);
    });
    if (b.x0 === Infinity) return false;
    var pane = container.getBoundingClientRect(), MARGIN = 12;
    var scale = Math.min((pane.width - 2 * MARGIN) / (b.x1 - b.x0), (pane.height - 2 * MARGIN) / (b.y1 - b.y0), 1.1);
    if (scale < floor) return false;
    network.moveTo({position: {x: (b.x0 + b.x1) / 2, y: b.y0 - MARGIN / scale + pane.height / 2 / scale}, scale: scale, animation: false});
    return true;
  }
  // The central thesis is marked at first (vis's selection look only: the panel keeps the intro).
  if (!fromHash()) { overview(); clearSelection(); if (START && visible.get(START)) network.selectNodes([START]); }
  window.addEventListener('hashchange', fromHash);
  window.argmap = {model: model, select: function (id) { select(id, {camera: true}); }, focus: focusOn,
    collapse: toggleCollapse, visibleIds: function () { return nodes.filter(function (n) { return visible.get(n.id); }).map(function (n) { return n.id; }); }};
})();
