/* argmap map page, practice: the student classifies each link of the map. Link types and role
   badges are hidden (neutral grey lines, every claim drawn alike, the linked-premise junctions
   taken out and their premises drawn straight to the conclusion); a list asks, link by link,
   "supports or attacks?" (and, where the map has linked premises, "on its own, or only together
   with another premise?"), answers at once, keeps a score, and shows an answer on request.
   Progress stays in this browser (localStorage, per map) and can be exported as a JSON file. */
(() => {
  const M = app.model, D = app.draw, {$, h, ui, clip, wrap} = app.dom;
  const LINK = M.data.style.links;
  const isArgument = (id) => M.byId.has(id) && M.byId.get(id).type === 'argument';
  const conclusionOf = new Map();
  M.edges.forEach((e) => { if (e.relation === 'conclusion') conclusionOf.set(e.from, e.to); });
  const linkedMap = conclusionOf.size > 0;
  const CHOICES = linkedMap
    ? [['independent', 'Supports on its own'], ['linked', 'Supports only together with another premise'], ['attack', 'Attacks']]
    : [['support', 'Supports'], ['attack', 'Attacks']];
  const WORDS = {support: 'it supports', independent: 'it supports on its own', linked: 'it supports only together with another premise', attack: 'it attacks'};

  // One question per link a student draws: premises of a junction count as links to its conclusion.
  const questionOf = (e) => {
    const to = isArgument(e.to) ? conclusionOf.get(e.to) : e.to;
    if (e.relation === 'premise') return {from: e.from, to: conclusionOf.get(e.to), answer: 'linked'};
    if (isArgument(e.from) || !to) return null;
    if (e.relation === 'attack') return {from: e.from, to, answer: 'attack'};
    if (e.relation === 'support') return {from: e.from, to, answer: linkedMap ? 'independent' : 'support'};
    return null;
  };
  const questions = M.edges.map(questionOf).filter(Boolean).map((q, i) => ({...q, i, key: `${q.from}>${q.to}`}));

  // ------------------------------------------------------------------ progress (per map, in this browser)
  const STORE = `argmap-practice:v1:${M.data.title}:${M.size}`;
  let progress = {};  // key -> {tries, right, shown}
  const load = () => {
    try { progress = JSON.parse(localStorage.getItem(STORE) || '{}') || {}; } catch { progress = {}; }
  };
  const save = () => { try { localStorage.setItem(STORE, JSON.stringify(progress)); } catch { /* private mode */ } };
  const entry = (q) => progress[q.key] || (progress[q.key] = {tries: 0, right: false, shown: false});
  const tally = () => {
    const t = {right: 0, total: questions.length, wrong: 0, shown: 0};
    questions.forEach((q) => {
      const p = progress[q.key];
      if (!p) return;
      t.right += p.right ? 1 : 0;
      t.shown += p.shown ? 1 : 0;
      t.wrong += Math.max(0, p.tries - (p.right ? 1 : 0));
    });
    return t;
  };

  // ------------------------------------------------------------------ the neutral map
  // Neutral grey (no palette colour means support or attack); the thesis's line colour marks the link in hand.
  const GREY = {color: '#8a949e', highlight: M.ROLES.thesis.line, hover: '#5b6570'};
  const practiceEdge = (q) => {
    const p = progress[q.key], done = p && (p.right || p.shown);
    const look = !done ? {color: GREY, dashes: false, arrows: {to: {enabled: true, type: 'arrow'}}}
      : q.answer === 'attack' ? {color: {color: LINK.attack}, dashes: [8, 5], arrows: {to: {enabled: true, type: 'bar'}}}
        : {color: {color: LINK.support}, dashes: q.answer === 'linked' ? [2, 3] : false, arrows: {to: {enabled: true, type: 'arrow'}}};
    return {id: `practice-${q.i}`, from: q.from, to: q.to, width: 2, smooth: false, title: 'Which is it? Answer in the practice list.', ...look};
  };
  const neutralNode = (n) => ({id: n.id, group: n.role === 'thesis' ? 'thesis' : 'claim', label: wrap(clip(n.label, 90), 21), title: n.text});
  const hideRealLinks = () => {
    const ds = D.dataSets;
    ds.edges.update(ds.edges.getIds().filter((id) => !String(id).startsWith('practice-')).map((id) => ({id, hidden: true})));
  };
  const neutralise = () => {
    const ds = D.dataSets;
    hideRealLinks();
    ds.nodes.update(M.nodes.filter((n) => D.isVisible(n.id)).map((n) => (isArgument(n.id) ? {id: n.id, hidden: true} : neutralNode(n))));
  };
  const drawPractice = () => {
    D.dataSets.edges.update(questions.map(practiceEdge));
    neutralise();
  };
  const undraw = () => {
    const ds = D.dataSets;
    ds.edges.remove(questions.map((q) => `practice-${q.i}`));
    ds.edges.update(ds.edges.getIds().map((id) => ({id, hidden: false})));
    ds.nodes.update(M.nodes.filter((n) => isArgument(n.id) && D.isVisible(n.id)).map((n) => ({id: n.id, hidden: false})));
    D.restyleAll();
  };

  // ------------------------------------------------------------------ the list of questions
  const labelOf = (id) => (M.byId.has(id) ? M.byId.get(id).label : id);
  const scoreLine = () => {
    const t = tally();
    const full = t.right === t.total && !t.wrong && !t.shown ? ' \u2014 full score!' : '';
    return `Score: ${t.right} of ${t.total} right \u00b7 ${app.dom.plural(t.wrong, 'wrong try', 'wrong tries')} \u00b7 ${t.shown} shown${full}`;
  };
  const feedbackText = (q, p, wrongChoice) => {
    if (p.right) return `\u2714 Right: ${WORDS[q.answer]}.`;
    if (p.shown) return `Answer: ${WORDS[q.answer]}.`;
    if (wrongChoice) return '\u2718 Not quite: read the two claims again and try another answer.';
    return '';
  };
  const render = (q, li, wrongChoice) => {
    const p = entry(q), done = p.right || p.shown;
    li.querySelector('.pq-feedback').textContent = feedbackText(q, p, wrongChoice);
    li.classList.toggle('right', p.right);
    li.querySelectorAll('button').forEach((b) => { b.disabled = done || b.getAttribute('data-tried') === '1'; });
    $('practice-score').textContent = scoreLine();
    D.dataSets.edges.update([practiceEdge(q)]);
  };
  const answer = (q, li, choice, button) => {
    const p = entry(q);
    p.tries += 1;
    if (choice === q.answer) p.right = true;
    else button.setAttribute('data-tried', '1');
    save();
    render(q, li, choice !== q.answer);
    if (!p.right) li.querySelector('button:not(:disabled)').focus();
  };
  const showAnswer = (q, li) => {
    entry(q).shown = true;
    save();
    render(q, li, false);
  };
  const questionItem = (q) => {
    const name = `Link ${q.i + 1} of ${questions.length}: \u201c${clip(labelOf(q.from), 60)}\u201d to \u201c${clip(labelOf(q.to), 60)}\u201d`;
    const li = h('li', {class: 'pq', 'data-key': q.key});
    const buttons = CHOICES.map(([choice, text]) => ui('button', {type: 'button', class: 'choice', 'data-choice': choice, text,
      onclick: (ev) => answer(q, li, choice, ev.currentTarget)}));
    buttons.push(ui('button', {type: 'button', class: 'show', text: 'Show answer', onclick: () => showAnswer(q, li)}));
    li.append(
      h('p', {class: 'pq-link'}, [h('span', {dir: 'auto', text: labelOf(q.from)}), ui('span', {class: 'arrow', text: ' \u2192 ', 'aria-hidden': 'true'}),
        h('span', {dir: 'auto', text: labelOf(q.to)})]),
      ui('div', {role: 'group', 'aria-label': name, class: 'pq-choices'}, buttons),
      ui('p', {class: 'pq-feedback', 'aria-live': 'polite'}));
    li.addEventListener('focusin', () => { if (app.network) app.network.selectEdges([`practice-${q.i}`]); });
    return li;
  };

  // ------------------------------------------------------------------ export and the pane
  const exported = () => {
    const t = tally();
    return {argmap_practice: 1, map: M.data.title, score: {right: t.right, total: t.total, wrong_tries: t.wrong, shown: t.shown},
      links: questions.map((q) => ({from: q.from, to: q.to, answer: q.answer, ...entry(q)}))};
  };
  const download = () => {
    const blob = new Blob([JSON.stringify(exported(), null, 2) + '\n'], {type: 'application/json'});
    const a = h('a', {href: URL.createObjectURL(blob), download: 'practice.json'});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  };
  const restart = () => {
    progress = {};
    save();
    fill();
  };
  const pane = ui('section', {id: 'practice', 'aria-labelledby': 'practice-heading', hidden: true}, [
    ui('h2', {id: 'practice-heading', text: 'Practice: what does each link do?'}),
    ui('p', {class: 'muted', text: linkedMap
      ? 'The lines are grey. For each link, say whether the first claim supports the second on its own, only together with another premise, or attacks it.'
      : 'The lines are grey. For each link, say whether the first claim supports or attacks the second.'}),
    ui('p', {id: 'practice-score', role: 'status'}),
    ui('ol', {id: 'practice-list', class: 'pq-list'}),
    ui('div', {class: 'actions'}, [ui('button', {type: 'button', id: 'practice-export', text: 'Export progress', onclick: download}),
      ui('button', {type: 'button', id: 'practice-restart', text: 'Start again', onclick: restart})])
  ]);
  const fill = () => {
    const list = pane.querySelector('#practice-list');
    list.replaceChildren(...questions.map(questionItem));
    list.querySelectorAll('li.pq').forEach((li, i) => render(questions[i], li, false));
    $('practice-score').textContent = scoreLine();
  };

  const toggle = ui('button', {type: 'button', id: 'practice-toggle', 'aria-pressed': 'false', 'aria-controls': 'practice',
    title: 'Hide the link types and classify each link yourself', text: 'Practice'});
  let outlineWasOpen = true;
  const enter = () => {
    load();
    outlineWasOpen = !$('main').classList.contains('no-outline');
    $('main').classList.add('no-outline', 'practising');
    $('panel').hidden = true;
    pane.hidden = false;
    fill();
    drawPractice();
    app.selection.clear();
    requestAnimationFrame(() => app.camera.overview());  // the map's pane changed its width
    $('practice-heading').focus({preventScroll: true});
  };
  const leave = () => {
    $('main').classList.remove('practising');
    if (outlineWasOpen) $('main').classList.remove('no-outline');
    $('panel').hidden = false;
    pane.hidden = true;
    undraw();
    requestAnimationFrame(() => app.camera.overview());
  };
  const practising = () => toggle.getAttribute('aria-pressed') === 'true';
  toggle.addEventListener('click', () => {
    const on = !practising();
    toggle.setAttribute('aria-pressed', String(on));
    if (on) enter(); else leave();
  });
  $('panel').after(pane);
  $('practice-heading').setAttribute('tabindex', '-1');
  $('toggle-outline').before(toggle);
  if (!questions.length) toggle.disabled = true;
  // Filters, focus, collapse and the acceptability overlay redraw links and nodes in their true
  // colours, and hovering a claim draws its links to other trees: hide them again.
  app.on('refreshed', () => { if (practising()) neutralise(); });
  app.on('restyled', () => { if (practising()) neutralise(); });
  app.on('network', (network) => {
    ['hoverNode', 'click'].forEach((name) => network.on(name, () => { if (practising()) hideRealLinks(); }));
  });

  app.practice = {active: practising, questions: () => questions.map((q) => ({from: q.from, to: q.to})), exported};
})();
