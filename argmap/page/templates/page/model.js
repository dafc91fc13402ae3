/* argmap map page, model: the map's JSON and the indexes every module reads (children, links in
   and out, depth, tree), and the role each claim plays where it is drawn. Read-only after start. */
(() => {
  const data = JSON.parse(document.getElementById('argmap-data').textContent);
  const {nodes, edges} = data;
  const byId = new Map(), kids = new Map(), inE = new Map(), outE = new Map(), depth = new Map(), treeOf = new Map();
  nodes.forEach((n) => { byId.set(n.id, n); kids.set(n.id, []); inE.set(n.id, []); outE.set(n.id, []); });
  nodes.forEach((n) => {  // nodes come in pre-order: a parent is always seen before its children
    const drawnUnder = n.parent && kids.has(n.parent);
    if (drawnUnder) kids.get(n.parent).push(n.id);
    depth.set(n.id, drawnUnder ? depth.get(n.parent) + 1 : 0);
    treeOf.set(n.id, n.parent ? treeOf.get(n.parent) : n.id);
  });
  edges.forEach((e) => {
    if (outE.has(e.from)) outE.get(e.from).push(e);
    if (inE.has(e.to)) inE.get(e.to).push(e);
  });
  const ROLES = data.style.roles;

  // What a link's source is for its target (the graph's per-edge role; older data: from the relation).
  const edgeRole = (e) => {
    if (e.role) return e.role;
    if (e.relation === 'attack') return e.undercut ? 'undercut' : 'objection';
    return e.relation === 'support' ? 'reason' : e.relation;
  };
  const displayRole = (linkRole, n) => {
    if (linkRole === 'premise') return n.kind === 'evidence' || n.role === 'evidence' ? 'evidence' : 'reason';
    if (linkRole === 'conclusion') return 'argument';
    return linkRole;
  };
  // The badge a claim wears is decided in Python (argmap/page/badges.py) by the link it is drawn
  // along, so the legend, the map, the outline and the panel all say the same thing.
  const drawnRole = new Map(nodes.map((n) => [n.id, ROLES[n.badge] ? n.badge : 'claim']));

  const roots = nodes.filter((n) => !n.parent).map((n) => n.id);
  const layout = data.layout || {};
  const speakerName = (n) => {
    const s = n.speaker && data.speakers[n.speaker];
    return s ? (s.name || n.speaker) : (n.speaker || '');
  };
  // The name drawn on a node: the speaker's short name, unambiguous in the map (argmap/page/names.py).
  const speakerShort = (n) => {
    const s = n.speaker && data.speakers[n.speaker];
    return s ? (s.short || s.name || n.speaker) : (n.speaker || '');
  };
  // A junction's caption: the instructor's label for the step, else none (the graph's default label
  // is the word "together", and its text repeats a given label).
  const argCaption = (n) => (n.label && n.label !== 'together' ? n.label : null);
  const rootOf = (id) => treeOf.get(id);
  const ancestors = (id) => {
    const out = [];
    for (let p = byId.get(id).parent; p; p = byId.get(p).parent) out.push(p);
    return out;
  };
  const descendantCount = (id) => {
    let count = 0;
    const stack = kids.get(id).slice();
    while (stack.length) { count++; stack.push(...kids.get(stack.pop())); }
    return count;
  };
  const linksOf = (id) => inE.get(id).concat(outE.get(id));
  const other = (e, id) => (e.from === id ? e.to : e.from);

  app.model = {
    data, nodes, edges, byId, kids, inE, outE, depth, treeOf, roots, ROLES,
    size: nodes.length,
    rtl: data.dir === 'rtl',
    slot: layout.slot, layer: layout.layer, legible: layout.legible,
    start: byId.has(layout.start) ? layout.start : roots[0],
    edgeRole, displayRole, speakerName, speakerShort, argCaption, rootOf, ancestors, descendantCount, linksOf, other,
    roleKey: (n) => drawnRole.get(n.id) || 'claim',
    isClaim: (n) => n.type !== 'argument'
  };
})();
