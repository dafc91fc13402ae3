/* argmap map page, tour: the guided tour, one step at a time (the map's `tour:` or one made from its
   structure, argmap/page/tour.py). The tour has a view of its own (a small network, like the coarse
   levels of overview.js) that holds only the claims shown so far: each step's new claims are laid
   out as one band below the earlier ones, in as many columns as the pane shows at a legible zoom,
   so every step can be framed with labels of LEGIBLE px or more. Claims no step has shown yet are
   not drawn. The panel and the outline follow the step's first claim. Previous/Next, the arrow
   keys, Escape to leave; each step has a permalink (#tour-3). A step's question (`ask:`) waits
   for an answer before Next; answers stay in this browser (localStorage, per map) and are never
   sent anywhere. All tour text is set with textContent. */
(() => {
  const M = app.model, {$, h, ui} = app.dom;
  const TOUR = M.data.tour || {steps: []}, STEPS = TOUR.steps || [];
  const L = app.lod, pane = $('graph-pane');
  const SLOT = 250, ROW_GAP = 60;
  let active = false, index = 0, view = null, before = 'all';

  // ------------------------------------------------------------------ answers, kept in this browser only
  const storeKey = `argmap-tour-answers:${location.pathname}:${M.data.title}`;
  const answers = (() => {
    try { return JSON.parse(localStorage.getItem(storeKey) || '{}') || {}; } catch { return {}; }
  })();
  const saveAnswer = (i, text) => {
    answers[i] = text;
    try { localStorage.setItem(storeKey, JSON.stringify(answers)); } catch { /* storage refused (private mode, file://) */ }
  };

  // ------------------------------------------------------------------ the tour's view
  const firstShown = new Map();  // claim -> the step that shows it first
  STEPS.forEach((step, i) => (step.show || []).forEach((id) => { if (M.byId.has(id) && !firstShown.has(id)) firstShown.set(id, i); }));
  const columns = () => Math.max(1, Math.floor((pane.clientWidth - 24) / (SLOT * L.minScale('tour'))));
  const lineCount = (label) => label.split('\n').length;
  // Bands of steps 0..upTo, top to bottom: each band the claims a step shows first, in rows.
  const layout = (upTo) => {
    const cols = columns(), nodes = [], sign = M.rtl ? -1 : 1;
    let y = 0;
    for (let i = 0; i <= upTo; i++) {
      const band = (STEPS[i].show || []).filter((id) => firstShown.get(id) === i);
      for (let r = 0; r * cols < band.length; r++) {
        const row = band.slice(r * cols, (r + 1) * cols).map((id) => M.byId.get(id));
        const labels = row.map((n) => L.label(n, false)), tall = Math.max(...labels.map(lineCount)) * 24 + 40;
        row.forEach((n, k) => nodes.push({id: n.id, label: labels[k], group: M.roleKey(n),
          x: sign * (k - (row.length - 1) / 2) * SLOT, y: y + tall / 2}));
        y += tall + ROW_GAP;
      }
    }
    return nodes;
  };
  const linksAmong = (shown) => {
    const edges = [];
    M.edges.forEach((e, i) => { if (shown.has(e.from) && shown.has(e.to)) edges.push({id: i, from: e.from, to: e.to, ...L.edgeLook(e)}); });
    return edges;
  };
  const draw = (upTo) => {
    const nodes = layout(upTo), shown = new Set(nodes.map((n) => n.id));
    if (!view) {
      view = L.makeView('tour', {nodes: [], edges: []}, {groups: app.draw.groups}, 'The tour: the claims shown so far');
      view.net.on('click', (p) => { if (p.nodes.length) app.selection.select(String(p.nodes[0]), {hash: false}); });
      view.net.on('zoom', () => {  // no coarser level inside the tour: hold the legible floor
        if (view.net.getScale() < L.minScale('tour')) view.net.moveTo({scale: L.minScale('tour'), animation: false});
      });
    }
    view.ds.edges.clear();
    view.ds.nodes.clear();
    view.ds.nodes.add(nodes);
    view.ds.edges.add(linksAmong(shown));
  };
  // The step's claims in view at a legible zoom: with the claims they answer if all fit, else all
  // of the step's claims, else the ones it adds.
  const frame = (step, i) => {
    const net = view.net, floor = L.minScale('tour'), drawnHere = (id) => Boolean(id && view.ds.nodes.get(id));
    const all = (step.show || []).filter(drawnHere), fresh = all.filter((id) => firstShown.get(id) === i);
    const above = [...new Set(all.map((id) => M.byId.get(id).parent).filter(drawnHere))];
    const tries = [[...new Set([...all, ...above])], all, fresh].filter((ids) => ids.length);
    if (!tries.length) { L.frameBoxes(net, view.ds.nodes.getIds(), floor, 1); return; }
    for (const ids of tries) {
      if (L.frameBoxes(net, ids, floor, 1) > floor || ids === tries[tries.length - 1]) return;
    }
  };

  // ------------------------------------------------------------------ the step box
  const box = ui('section', {class: 'tour-box', 'aria-label': 'Guided tour', hidden: true});
  const progress = ui('p', {class: 'tour-progress', 'aria-live': 'polite'});
  const title = h('h2', {class: 'tour-title', dir: 'auto'}), say = h('p', {class: 'tour-say', dir: 'auto'});
  const ask = h('div', {class: 'tour-ask'});
  const prev = ui('button', {type: 'button', text: '\u2190 Previous', onclick: () => go(index - 1)});
  const next = ui('button', {type: 'button', class: 'tour-next', text: 'Next \u2192', onclick: () => go(index + 1)});
  const leaveButton = ui('button', {type: 'button', class: 'tour-leave', text: 'Leave tour', title: 'Leave the tour (Escape)', onclick: () => leave()});
  box.append(ui('div', {class: 'tour-head'}, [progress, leaveButton]), title, say, ask, ui('div', {class: 'tour-nav'}, [prev, next]));
  $('main').before(box);

  const askPart = (step, i) => {
    if (!step.ask) { ask.replaceChildren(); return; }
    const field = h('textarea', {id: 'tour-answer', rows: 3, dir: 'auto', placeholder: 'Your answer (kept in this browser only)'});
    field.value = answers[i] || '';
    field.addEventListener('input', () => { saveAnswer(i, field.value); next.disabled = !field.value.trim(); });
    ask.replaceChildren(h('label', {for: 'tour-answer', class: 'tour-question', dir: 'auto', text: step.ask}), field);
    next.disabled = !field.value.trim();
  };
  const render = (step, i) => {
    progress.textContent = `Tour \u00B7 step ${i + 1} of ${STEPS.length}`;
    title.textContent = step.title || '';
    title.hidden = !step.title;
    say.textContent = step.say || '';
    prev.disabled = i === 0;
    next.disabled = false;
    next.textContent = i === STEPS.length - 1 ? 'Finish' : step.ask ? 'Reveal \u2192' : 'Next \u2192';
    askPart(step, i);
  };

  // ------------------------------------------------------------------ going through it
  const go = (i) => {
    if (i >= STEPS.length) { leave(); return; }
    if (i < 0) return;
    index = i;
    const step = STEPS[i];
    render(step, i);
    draw(i);
    L.show('tour');
    frame(step, i);
    const first = (step.show || []).find((id) => M.byId.has(id));
    view.net.selectNodes((step.show || []).filter((id) => view.ds.nodes.get(id)));
    // The panel and the outline follow once the step's frame is drawn (selecting also updates the
    // map's own network, hidden meanwhile: 70 ms at 10,000 claims that the step need not wait for).
    if (first) requestAnimationFrame(() => setTimeout(() => { if (active && index === i) app.selection.select(first, {hash: false}); }, 0));
    try { history.replaceState(history.state, '', `#tour-${i + 1}`); } catch { /* file:// may refuse */ }
    app.emit('tour-step', i);
  };
  const start = (i = 0) => {
    if (!STEPS.length) return;
    if (!active) before = L.level() === 'tour' ? 'all' : L.level();
    active = true;
    box.hidden = false;
    tourButton.setAttribute('aria-pressed', 'true');
    go(Math.min(Math.max(0, i), STEPS.length - 1));
  };
  const leave = () => {
    if (!active) return;
    active = false;
    box.hidden = true;
    tourButton.setAttribute('aria-pressed', 'false');
    L.show(before);
    L.fit(before);
    app.selection.clear();
  };
  const tourButton = ui('button', {type: 'button', class: 'tour-start', 'aria-pressed': 'false',
    text: '\u25B6 Tour', 'aria-label': `Tour, ${STEPS.length} steps`, title: TOUR.authored ? 'The instructor\u2019s guided tour' : 'A guided tour made from the map\u2019s structure',
    onclick: () => (active ? leave() : start(0))});
  if (STEPS.length) L.bar.prepend(tourButton);

  document.addEventListener('keydown', (ev) => {
    if (!active) return;
    if (ev.key === 'Escape') { leave(); return; }
    if (ev.target.closest('input, textarea, select')) return;
    if (ev.key === 'ArrowRight' && !next.disabled) { ev.preventDefault(); go(index + 1); }
    if (ev.key === 'ArrowLeft' && index > 0) { ev.preventDefault(); go(index - 1); }
  });
  app.routes = app.routes || [];
  app.routes.push((hash) => {
    const m = /^#tour-(\d+)$/.exec(hash);
    if (!m || !STEPS.length) return false;
    start(Number(m[1]) - 1);
    return true;
  });

  app.tour = {active: () => active, start, leave, go, step: () => index, steps: STEPS};
})();
