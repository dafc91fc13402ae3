/* argmap map page, start: runs last, after every module has registered. Draws the map, opens the
   permalinked claim (or the first view), and publishes window.argmap for tests and embedding. */
(() => {
  const M = app.model, S = app.state, D = app.draw, {$, ui} = app.dom;

  const summaryToggle = () => {
    const p = document.querySelector('.top .summary');
    if (!p || !p.textContent || p.scrollHeight <= p.clientHeight + 2) return;
    const b = ui('button', {type: 'button', class: 'more', 'aria-expanded': 'false', text: 'more', onclick: () => {
      const open = p.classList.toggle('open');
      b.setAttribute('aria-expanded', String(open));
      b.textContent = open ? 'less' : 'more';
    }});
    p.after(b);
  };
  const idFromHash = () => {
    const raw = location.hash.slice(1);
    if (!raw) return null;
    try { return decodeURIComponent(raw); } catch { return raw; }
  };
  // A feature module may own a form of permalink (tour.js: #tour-3): app.routes, tried first.
  // Otherwise a permalink opens its claim focused; one to a claim this map lacks says so.
  const fromHash = () => {
    if ((app.routes || []).some((route) => route(location.hash))) return true;
    const id = idFromHash();
    if (id === null) return false;
    if (M.byId.has(id)) { app.focus.on(id); return true; }
    if (id.startsWith('tour-')) return false;  // a tour step's permalink (the tour's own module)
    app.panel.unknown(id);
    return 'unknown';
  };

  summaryToggle();
  D.start();
  D.trimLegend();
  window.network = app.network;
  app.network.once('afterDrawing', () => {
    app.mark('ready');
    document.body.setAttribute('data-ready', '1');
    window.argmapReady = true;
    app.emit('ready');
  });
  // The central thesis is marked at first (vis's selection look only: the panel keeps the intro).
  const opened = fromHash();
  if (opened !== true) {
    app.camera.overview();
    if (!opened) app.selection.clear();
    if (M.start && D.isVisible(M.start)) app.network.selectNodes([M.start]);
  }
  window.addEventListener('hashchange', fromHash);
  // On a phone the filters and view switches sit in a sheet under one button.
  $('more').addEventListener('click', () => {
    const open = $('controls').classList.toggle('open');
    $('more').setAttribute('aria-expanded', String(open));
  });
  window.argmap = {
    app, model: M.data,
    select: (id) => app.selection.select(id, {camera: true}),
    focus: app.focus.on,
    collapse: app.collapse.toggle,
    visibleIds: D.shownIds,
    selected: () => S.selected
  };
})();
