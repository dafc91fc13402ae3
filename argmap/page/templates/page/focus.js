/* argmap map page, focus and collapse. Collapse hides what is below a claim (big maps open with
   deep subtrees collapsed, so the first draw stays fast); focus shows only the claims within a few
   steps of one, laid out on their own as a small layered tree around it. */
(() => {
  const M = app.model, S = app.state, D = app.draw, {$} = app.dom;
  const {byId, kids} = M;

  // ------------------------------------------------------------------ collapse
  const OPEN_LIMIT = 1200;
  const collapseDeep = () => {
    const perDepth = [];
    M.nodes.forEach((n) => { const d = M.depth.get(n.id); perDepth[d] = (perDepth[d] || 0) + 1; });
    let total = 0, deepest = 0;
    for (let d = 0; d < perDepth.length; d++) {
      total += perDepth[d] || 0;
      if (total > OPEN_LIMIT && d > 0) break;
      deepest = d;
    }
    M.nodes.forEach((n) => { if (M.depth.get(n.id) === deepest && kids.get(n.id).length) S.collapsed.add(n.id); });
  };
  if (M.size > OPEN_LIMIT) collapseDeep();

  // Open these collapsed claims again (relabel them, rebuild their outline items); no redraw.
  const open = (ids) => {
    const changed = ids.filter((id) => S.collapsed.delete(id));
    if (!changed.length) return;
    D.relabel(changed);
    changed.forEach(app.outline.rebuild);
  };
  const toggle = (id) => {
    if (!kids.get(id).length) return;
    if (S.collapsed.has(id)) S.collapsed.delete(id); else S.collapsed.add(id);
    D.relabel([id]);
    app.outline.rebuild(id);
    D.refresh();
    if (S.selected === id) app.panel.show(id);
  };
  $('expand-all').addEventListener('click', () => {
    const ids = Array.from(S.collapsed);
    S.collapsed.clear();
    D.relabel(ids);
    app.outline.build();
    D.refresh();
    app.camera.overview();
  });
  app.on('network', (network) => network.on('doubleClick', (p) => { if (p.nodes && p.nodes.length) toggle(String(p.nodes[0])); }));

  // ------------------------------------------------------------------ focus
  const neighbourhood = (id, hops) => {
    const seen = new Set([id]);
    let frontier = [id];
    const add = (y, next) => {  // a junction is not a step of its own: its premises and conclusion come with it
      if (seen.has(y)) return;
      seen.add(y);
      next.push(y);
      if (byId.get(y).type === 'argument') M.linksOf(y).forEach((e) => add(M.other(e, y), next));
    };
    for (let k = 0; k < hops; k++) {
      const next = [];
      frontier.forEach((x) => M.linksOf(x).forEach((e) => add(M.other(e, x), next)));
      frontier = next;
    }
    return seen;
  };
  // What it points to above the claim, what points to it below, each row in the map's own order.
  // Left where they sit in the whole map, the neighbours of a claim linked to other trees are strewn
  // across it and the view zooms out until nothing can be read.
  const focusLayout = (id, ids) => {
    const inSet = new Set(ids), level = new Map([[id, 0]]), queue = [id];
    const reach = (to, L) => { if (inSet.has(to) && !level.has(to)) { level.set(to, L); queue.push(to); } };
    for (let k = 0; k < queue.length; k++) {
      const x = queue[k], L = level.get(x);
      M.outE.get(x).forEach((e) => reach(e.to, L - 1));
      M.inE.get(x).forEach((e) => reach(e.from, L + 1));
    }
    const rows = new Map(), home = {x: D.layoutX(id), y: byId.get(id).y}, positions = new Map();
    queue.forEach((x) => { const L = level.get(x); if (!rows.has(L)) rows.set(L, []); rows.get(L).push(x); });
    rows.forEach((row, L) => {
      row.sort((a, b) => D.layoutX(a) - D.layoutX(b) || byId.get(a).y - byId.get(b).y);
      row.forEach((x, i) => positions.set(x, {x: home.x + Math.round((i - (row.length - 1) / 2) * M.slot), y: home.y + L * M.layer}));
    });
    return positions;
  };
  const focusOn = (id) => {
    S.focus.id = id;
    S.focus.set = neighbourhood(id, Number($('hops').value) || 2);
    const above = Array.from(S.focus.set).flatMap(M.ancestors);  // everything in focus must be drawable
    const changed = [...new Set([...above, id])].filter((x) => S.collapsed.delete(x));
    // only the outline items that open again are rebuilt: the whole outline is 10,000 items on a big map
    if (changed.length) { D.relabel(changed); changed.forEach(app.outline.rebuild); }
    D.refresh();
    const shownHere = Array.from(S.focus.set).filter(D.isVisible);
    if (!D.physicsOn()) D.setFocusPositions(focusLayout(id, shownHere));
    app.selection.select(id, {hash: false});
    // The whole neighbourhood if it fits at a zoom where labels can be read; else that zoom, centred
    // on the claim, the rest a pan away ("Next match").
    app.camera.show(shownHere, {anchor: id});
  };
  const leave = () => {
    D.setFocusPositions(null);
    S.focus.set = null;
    S.focus.id = null;
  };
  $('focus').addEventListener('click', () => { if (S.selected) focusOn(S.selected); });
  $('hops').addEventListener('change', () => { if (S.focus.id) focusOn(S.focus.id); });
  app.on('selected', () => { $('focus').disabled = false; });
  app.on('cleared', () => { $('focus').disabled = true; });

  app.collapse = {toggle, open, openAbove: (id) => open(M.ancestors(id))};
  app.focus = {on: focusOn, leave};
})();
