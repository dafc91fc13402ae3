/* argmap map page, camera: where the view looks. The first view, fitting a set of claims, moving
   to one claim, the zoom buttons and the force-layout switch. Fits are computed from the model's
   positions (vis's own fit measures every label first, ~150 ms at 1,000 nodes). */
(() => {
  const M = app.model, D = app.draw, {$} = app.dom;
  const container = $('graph');
  const net = () => app.network;
  const animated = (ms) => (M.size > 3000 ? false : {duration: ms, easingFunction: 'easeInOutQuad'});

  const grow = (b, x0, x1, y0, y1) => {
    b.x0 = Math.min(b.x0, x0); b.x1 = Math.max(b.x1, x1); b.y0 = Math.min(b.y0, y0); b.y1 = Math.max(b.y1, y1);
  };
  const emptyBox = () => ({x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity});
  const bbox = (ids) => {
    const b = emptyBox(), list = ids || D.shownIds(), pos = D.physicsOn() ? net().getPositions(list) : null;
    list.forEach((id) => {
      const p = pos ? pos[id] : D.posOf(id);
      if (p) grow(b, p.x, p.x, p.y, p.y);
    });
    return b.x0 === Infinity ? null : b;
  };
  // Padded by a slot across (half a label each side) and 160 px down (a label's height).
  const scaleFor = (b) => {
    const pane = container.getBoundingClientRect();
    return Math.min(1.1, Math.max(0.02, Math.min(pane.width / (b.x1 - b.x0 + M.slot), pane.height / (b.y1 - b.y0 + 160))));
  };
  // vis resizes its canvas to the pane lazily and then scales the view by the change: a view set
  // after the toolbar grew (a status line, a button) but before that resize would be scaled down.
  const syncCanvas = () => { if (net().canvas && net().canvas.setSize) net().canvas.setSize(); };
  const fitTo = (ids, animate, alignTop) => {
    syncCanvas();
    const b = bbox(ids);
    if (!b) return 1;
    const scale = scaleFor(b), pane = container.getBoundingClientRect();
    const y = alignTop ? b.y0 - 80 + pane.height / 2 / scale : (b.y0 + b.y1) / 2;
    net().moveTo({position: {x: (b.x0 + b.x1) / 2, y}, scale, animation: glide(animate ? {duration: 300, easingFunction: 'easeInOutQuad'} : false)});
    return scale;
  };
  // scaleFor pads every side by half the widest label; a small map is measured box by box instead,
  // so one that nearly fits (three trees side by side on a phone) opens whole, not cut at both edges.
  const fitSmallMap = (ids, floor) => {
    if (ids.length > 150) return false;
    const b = emptyBox();
    ids.forEach((id) => {
      const box = net().getBoundingBox(id);
      if (box) grow(b, box.left, box.right, box.top, box.bottom);
    });
    if (b.x0 === Infinity) return false;
    const pane = container.getBoundingClientRect(), MARGIN = 12;
    const scale = Math.min((pane.width - 2 * MARGIN) / (b.x1 - b.x0), (pane.height - 2 * MARGIN) / (b.y1 - b.y0), 1.1);
    if (scale < floor) return false;
    net().moveTo({position: {x: (b.x0 + b.x1) / 2, y: b.y0 - MARGIN / scale + pane.height / 2 / scale}, scale, animation: false});
    return true;
  };
  // At a zoom, as many other cases as fit around the central thesis, the nearest first.
  const casesAround = (ids, start, scale, pane) => {
    const W = pane.width / scale - M.slot, H = pane.height / scale - M.layer;
    let box = {x0: start.x, x1: start.x, y0: start.y, y1: start.y};
    ids.filter((id) => id !== M.start && !M.byId.get(id).parent)
      .map((id) => { const p = D.posOf(id); return {p, d: Math.abs(p.x - start.x) + Math.abs(p.y - start.y)}; })
      .sort((u, v) => u.d - v.d)
      .forEach(({p}) => {
        const next = {x0: Math.min(box.x0, p.x), x1: Math.max(box.x1, p.x), y0: Math.min(box.y0, p.y), y1: Math.max(box.y1, p.y)};
        if (next.x1 - next.x0 <= W && next.y1 - next.y0 <= H) box = next;
      });
    return box;
  };
  // The first view: the whole map if it is readable at that zoom; else the top row of theses, the
  // cases side by side, zoomed out until the row fits but never below a zoom where labels can still
  // be read (FLOOR), centred on the row as far as the central thesis stays whole in view.
  // FLOOR is the map level's legible zoom (overview.js): below it vis would draw claims as empty
  // boxes (issue 10: no label under 11 px), so a map too wide for it opens cut, not shrunk.
  const overview = () => {
    const ids = D.shownIds(), FLOOR = app.lod ? app.lod.minScale('all') : legibleScale(ids);
    const MIN = Math.max(FLOOR, container.clientWidth < 600 ? 0.6 : 0.75);
    if (D.physicsOn() || !ids.length) { fitTo(null, false); return; }
    syncCanvas();
    const b = bbox(ids);
    if (b && scaleFor(b) >= MIN) { fitTo(ids, false); return; }
    // Below the comfortable zoom, a small map is still better whole than cut at the edges.
    if (fitSmallMap(ids, FLOOR)) return;
    const pane = container.getBoundingClientRect(), start = D.posOf(M.start), rowY = M.byId.get(M.start).y;
    const row = bbox(ids.filter((id) => !M.byId.get(id).parent && M.byId.get(id).y === rowY)) || {x0: start.x, x1: start.x};
    const scale = Math.min(MIN, Math.max(FLOOR, pane.width / (row.x1 - row.x0 + M.slot)));
    const box = casesAround(ids, start, scale, pane);
    net().moveTo({position: {x: (box.x0 + box.x1) / 2, y: box.y0 + (pane.height / 2 - 60) / scale}, scale, animation: false});
  };
  // ------------------------------------------------------------------ showing what a control selects
  // Filters, focus, a permalink, search and acceptability changes call show(ids): every one of those
  // claims on screen at a zoom where its label is at least LEGIBLE_PX CSS pixels, or, when they
  // cannot all fit, the window holding the most of them (or the anchor), the rest counted by
  // offscreen() and reached with "Next match".
  // the page's one legible size (view model), which is also where vis stops drawing a label
  const LEGIBLE_PX = M.legible, MARGIN = 16, CANDIDATES = 300;
  let shown = {ids: [], next: 0};
  const positionsOf = (ids) => {
    if (D.physicsOn()) return net().getPositions(ids);
    return Object.fromEntries(ids.map((id) => [id, D.posOf(id)]));
  };
  // The box vis drew for a claim if it was drawn where it is now (vis measures every node at each
  // draw); else, not drawn since it moved or appeared, its size estimated from its label.
  const boxAt = (id, p) => {
    const r = net().getBoundingBox(id);
    if (r && r.right > r.left && Math.abs((r.left + r.right) / 2 - p.x) < 1 && Math.abs((r.top + r.bottom) / 2 - p.y) < 1) {
      return {id, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom};
    }
    const b = D.boxOf(id);
    return {id, x0: p.x - b.w / 2, x1: p.x + b.w / 2, y0: p.y - b.h / 2, y1: p.y + b.h / 2};
  };
  const boxesOf = (ids) => {
    const pos = positionsOf(ids);
    return ids.filter((id) => pos[id]).map((id) => boxAt(id, pos[id]));
  };
  const union = (boxes) => boxes.reduce((b, c) => { grow(b, c.x0, c.x1, c.y0, c.y1); return b; }, emptyBox());
  const legibleScale = (ids) => LEGIBLE_PX / Math.min(...ids.map(D.fontSize));
  // The part of the map the pane shows, in canvas coordinates (less a margin, a small one unless told).
  const viewRect = (margin = MARGIN / 2) => {
    const pane = container.getBoundingClientRect();
    const a = net().DOMtoCanvas({x: margin, y: margin}), b = net().DOMtoCanvas({x: pane.width - margin, y: pane.height - margin});
    return {x0: a.x, y0: a.y, x1: b.x, y1: b.y};
  };
  const inside = (box, r) => box.x0 >= r.x0 && box.x1 <= r.x1 && box.y0 >= r.y0 && box.y1 <= r.y1;
  // The window of the pane's size at this scale that holds the most boxes, tried at each box's corner.
  const busiestWindow = (boxes, scale) => {
    const pane = container.getBoundingClientRect(), W = (pane.width - 2 * MARGIN) / scale, H = (pane.height - 2 * MARGIN) / scale;
    let best = [boxes[0]];
    boxes.slice(0, CANDIDATES).forEach((c) => {
      const r = {x0: c.x0, y0: c.y0, x1: c.x0 + W, y1: c.y0 + H}, held = boxes.filter((b) => inside(b, r));
      if (held.length > best.length) best = held;
    });
    return union(best);
  };
  const centreOn = (b, scale) => net().moveTo({position: {x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2}, scale, animation: false});
  const place = (boxes, opts) => {
    syncCanvas();
    const all = union(boxes), need = legibleScale(boxes.map((b) => b.id)), pane = container.getBoundingClientRect();
    const fit = Math.min((pane.width - 2 * MARGIN) / (all.x1 - all.x0), (pane.height - 2 * MARGIN) / (all.y1 - all.y0));
    const alreadyShown = net().getScale() >= need && boxes.every((b) => inside(b, viewRect()));
    if (alreadyShown) return;
    if (fit >= need) centreOn(all, Math.min(fit, Math.max(need, 1)));
    else if (opts.anchor && boxes.some((b) => b.id === opts.anchor)) centreOn(boxes.find((b) => b.id === opts.anchor), need);
    else centreOn(busiestWindow(boxes, need), need);
  };
  const paneSize = () => { const r = container.getBoundingClientRect(); return `${r.width}x${r.height}`; };
  const show = (ids, opts = {}) => {
    const claims = ids.filter((id) => D.isVisible(id) && M.isClaim(M.byId.get(id)));
    shown = {ids: claims, next: 0};
    D.hideTooltip();
    if (!claims.length) { app.emit('shown'); return; }
    const boxes = boxesOf(claims), before = paneSize();
    place(boxes, opts);
    app.emit('shown');  // the status line may grow or shrink the pane: place again in the new one
    if (paneSize() !== before) { place(boxes, opts); app.emit('shown'); }
  };
  const offscreen = () => {
    if (!shown.ids.length || !app.network) return [];
    // Off-screen is what the reader cannot see whole: a box cut by the pane's edge, not one in its margin.
    const r = viewRect(-1);
    return boxesOf(shown.ids.filter(D.isVisible)).filter((b) => !inside(b, r)).map((b) => b.id);
  };
  // "Next match": the next claim of the last selection that is not on screen, centred, legible.
  const nextMatch = () => {
    const off = new Set(offscreen()), list = shown.ids;
    for (let k = 0; k < list.length; k++) {
      const i = (shown.next + k) % list.length;
      if (!off.has(list[i])) continue;
      shown.next = i + 1;
      centreOn(boxesOf([list[i]])[0], Math.max(net().getScale(), legibleScale(list)));
      break;
    }
    app.emit('shown');
  };
  $('next-match').addEventListener('click', nextMatch);
  // 'view' is emitted after a frame drawn with a different zoom or pan than the last one (a drag,
  // the wheel, a button, a fit: vis reports some of these and not others, a drawn frame all of them),
  // and after the first frame drawn since a control showed its claims: the off-screen count is made
  // again from the boxes vis has just measured.
  let recount = false;
  app.on('shown', () => { recount = true; });
  app.on('network', (network) => {
    let last = '';
    network.on('afterDrawing', () => {
      const t = network.getViewPosition(), now = `${network.getScale()} ${t.x} ${t.y}`;
      if (now === last && !recount) return;
      last = now;
      recount = false;
      requestAnimationFrame(() => app.emit('view'));
    });
  });

  // An animated move is under way until vis says it finished (or, should it never say so, for a
  // second): moving() is the page's signal that the view is not at rest yet (the browser tests
  // wait for it; vis may not draw an animation's first step for several frames under load).
  // A second animation started before vis has drawn the first one's first step leaves the first
  // one's handler running for good (vis 9.1: it keeps one reference), which then drags every later
  // move back towards an old view (a Fit undone mid-way): while one runs, the next move jumps.
  let movingUntil = 0;
  const moving = () => performance.now() < movingUntil;
  const glide = (animation) => {
    if (!animation || moving()) return false;
    movingUntil = performance.now() + 1000;
    return animation;
  };
  app.on('network', (network) => network.on('animationFinished', () => { movingUntil = 0; }));
  const moveTo = (id) => {
    const scale = Math.max(net().getScale(), 0.85);
    net().focus(id, {scale, animation: glide(animated(350))});
  };
  const zoomBy = (factor) => net().moveTo({scale: net().getScale() * factor, animation: glide(M.size > 3000 ? false : {duration: 200})});

  $('fit').addEventListener('click', () => { D.hideTooltip(); fitTo(null, M.size <= 3000); });
  $('zoom-in').addEventListener('click', () => zoomBy(1.3));
  $('zoom-out').addEventListener('click', () => zoomBy(1 / 1.3));
  $('layout-toggle').addEventListener('click', () => {
    const btn = $('layout-toggle'), force = btn.getAttribute('aria-pressed') !== 'true';
    btn.setAttribute('aria-pressed', String(force));
    btn.textContent = force ? 'Layered layout' : 'Force layout';
    net().setOptions({physics: {enabled: force}});
    if (!force) { D.relayout(); overview(); }
  });

  // The box holding these claims as drawn (canvas coordinates), or null: for overview.js's Fit.
  const extent = (ids) => {
    syncCanvas();
    const b = union(boxesOf(ids));
    return b.x0 === Infinity ? null : b;
  };

  app.camera = {fitTo, overview, moveTo, zoomBy, show, offscreen, nextMatch, viewRect, extent, moving,
    clearShown: () => { shown = {ids: [], next: 0}; app.emit('shown'); },
    shownIds: () => shown.ids.slice(), legibleScale};
})();
