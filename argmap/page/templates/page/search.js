/* argmap map page, search: a combobox over every claim's id, text, label and quote; choosing a hit
   selects it, moves the camera to it and makes it glow briefly. */
(() => {
  const M = app.model, D = app.draw, {$, h, clip} = app.dom;
  const search = $('search'), results = $('search-results');
  let hits = [], active = -1;

  const closeResults = () => {
    results.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    search.removeAttribute('aria-activedescendant');
    active = -1;
  };
  // What a reader types and what the map says should meet however either was keyed in: case, the
  // zero-width non-joiner of Persian (mi-shavad with or without it), Arabic yeh and kaf for the
  // Persian letters, vowel marks and tatweel, compatibility forms.
  // eslint-disable-next-line no-misleading-character-class -- a class of single joiners and marks, dropped one by one
  const FOLD_DROP = /[\u200c\u200d\u0640\u064b-\u065f\u0670]/g;
  const FOLD_MAP = {'\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9'};
  const fold = (s) => String(s).normalize('NFKC').toLowerCase().replace(FOLD_DROP, '').replace(/[\u064a\u0649\u0643]/g, (c) => FOLD_MAP[c]);
  let haystack = null;  // folded id, text, label and quote of each node, built at the first search
  const MAX_HITS = 30;
  const findHits = (raw) => {
    const q = fold(raw).replace(/\s+/g, ' ');
    if (!haystack) haystack = M.nodes.map((n) => fold([n.id, n.text, n.label, n.quote || ''].join('\n')).replace(/[^\S\n]+/g, ' '));
    const exact = M.byId.get(raw), found = exact ? [exact.id] : [];
    for (let i = 0; i < M.size && found.length < MAX_HITS; i++) {
      const id = M.nodes[i].id;
      if (id !== (exact && exact.id) && haystack[i].includes(q)) found.push(id);
    }
    return found;
  };
  const hitItem = (id, k) => {
    const n = M.byId.get(id);
    return h('li', {role: 'option', id: `sr-${k}`, 'aria-selected': 'false', 'data-id': id,
      onmousedown: (ev) => { ev.preventDefault(); choose(id); }},
    [app.panel.badge(n), ' ', h('span', {dir: 'auto', text: clip(n.label, 120)}), h('span', {class: 'rid', text: n.id})]);
  };
  const runSearch = () => {
    const raw = search.value.trim();
    hits = raw ? findHits(raw) : [];
    if (!raw) { closeResults(); return; }
    results.replaceChildren(...(hits.length ? hits.map(hitItem)
      : [h('li', {class: 'none', role: 'option', 'aria-disabled': 'true', text: 'No claim matches'})]));
    results.hidden = false;
    search.setAttribute('aria-expanded', 'true');
    active = -1;
  };
  const setActiveHit = (k) => {
    const lis = results.querySelectorAll('li[data-id]');
    if (!lis.length) return;
    active = (k + lis.length) % lis.length;
    lis.forEach((li, j) => li.setAttribute('aria-selected', String(j === active)));
    search.setAttribute('aria-activedescendant', lis[active].id);
    lis[active].scrollIntoView({block: 'nearest'});
  };
  // A short glow so the eye finds the node; the selection itself never flickers.
  const GLOW = {enabled: true, color: 'rgba(230,159,0,0.95)', size: 28, x: 0, y: 0};
  const flash = (id) => {
    if (!D.isVisible(id)) return;
    let k = 0;
    const timer = setInterval(() => {
      if (!D.isVisible(id)) { clearInterval(timer); return; }
      k++;
      D.dataSets.nodes.update({id, shadow: k < 7 && k % 2 === 1 ? GLOW : {enabled: false}});
      if (k >= 7) clearInterval(timer);
    }, 200);
  };
  const choose = (id) => {
    closeResults();
    app.selection.select(id);
    app.camera.show([id], {anchor: id});
    flash(id);
  };
  const keys = {
    ArrowDown: () => { if (results.hidden) runSearch(); setActiveHit(active + 1); },
    ArrowUp: () => setActiveHit(active - 1),
    Enter: () => { const id = hits[active >= 0 ? active : 0]; if (id) choose(id); }
  };
  search.addEventListener('input', () => { app.draw.hideTooltip(); runSearch(); });
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { closeResults(); return; }
    if (!Object.hasOwn(keys, ev.key)) return;
    keys[ev.key]();
    ev.preventDefault();
  });
  search.addEventListener('blur', () => setTimeout(closeResults, 150));
  app.search = {run: runSearch, close: closeResults};
})();
