/* argmap map page, links between trees: drawn whenever both ends are on screen, never as a long
   line through an unrelated tree. Recomputed when the view moves and when what is drawn changes;
   the link itself is listed in the panel of either end whatever the view. */
(() => {
  const M = app.model, D = app.draw;
  const {edges} = M;
  let trees = new Map();  // root id -> bounding box of its drawn claims (canvas coordinates)

  // A node's half size, roughly (a slot across, a label's height down: cheap enough for 10,000),
  // and a clearance around each tree, so a link squeezed past one reads as going through it.
  const HALF_W = M.slot * 0.45 + M.layer / 2, HALF_H = 60 + M.layer / 2;
  const measureTrees = () => {
    trees = new Map();
    if (!D.crossIndices.length) return;
    D.shownIds().forEach((id) => {
      const p = D.posOf(id), root = M.treeOf.get(id);
      const t = trees.get(root) || {x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity};
      t.x0 = Math.min(t.x0, p.x - HALF_W); t.x1 = Math.max(t.x1, p.x + HALF_W);
      t.y0 = Math.min(t.y0, p.y - HALF_H); t.y1 = Math.max(t.y1, p.y + HALF_H);
      trees.set(root, t);
    });
  };
  // Does the segment a-b pass through box r? (Liang-Barsky clipping.)
  const crosses = (a, b, r) => {
    let t0 = 0, t1 = 1;
    const dx = b.x - a.x, dy = b.y - a.y;
    const edgesOf = [[-dx, a.x - r.x0], [dx, r.x1 - a.x], [-dy, a.y - r.y0], [dy, r.y1 - a.y]];
    for (const [p, q] of edgesOf) {
      if (p === 0 && q < 0) return false;
      if (p !== 0) {
        const t = q / p;
        if (p < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
        if (t0 > t1) return false;
      }
    }
    return true;
  };
  const within = (p, r) => p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1;
  const throughOther = (e, a, b) => {
    const own = new Set([M.treeOf.get(e.from), M.treeOf.get(e.to)]);
    for (const [root, box] of trees) if (!own.has(root) && crosses(a, b, box)) return true;
    return false;
  };
  const update = () => {
    if (!app.network || !D.crossIndices.length) return;
    const view = app.camera.viewRect(), allowed = new Set();
    const pos = D.physicsOn() ? app.network.getPositions() : null;
    D.crossIndices.forEach((i) => {
      const e = edges[i];
      if (!D.isVisible(e.from) || !D.isVisible(e.to)) return;
      const a = pos ? pos[e.from] : D.posOf(e.from), b = pos ? pos[e.to] : D.posOf(e.to);
      if (within(a, view) && within(b, view) && !throughOther(e, a, b)) allowed.add(i);
    });
    D.setCrossLinks(allowed);
  };
  let pending = false;
  const soon = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; update(); });
  };
  app.on('refreshed', () => { measureTrees(); soon(); });
  app.on('shown', soon);
  app.on('ready', () => { measureTrees(); update(); });
  app.on('view', soon);
  app.crosslinks = {update, trees: () => trees};
})();
