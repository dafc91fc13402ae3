/* argmap map page, acceptability: the "Acceptability" switch, the support reading, what-if
   (reject / accept as given) and the panel's acceptability section, over the engine analysis.js
   puts at window.ArgmapAnalysis ({grounded, dfquad, explain}; the UI works with any object that
   keeps that contract, and without one the switch stays hidden). */
(() => {
  const M = app.model, S = app.state, {$, h, ui} = app.dom;
  const A = window.ArgmapAnalysis;
  if (!A || typeof A.grounded !== 'function') return;
  const own = {whatIf: {rejected: [], accepted: []}, base: null, baseStrength: null, strength: null, result: null, support: 'evidential'};
  const WORDS = {IN: ['\u2714 IN', 'it stands under this reading (why below)'],
    OUT: ['\u2718 OUT', 'it falls under this reading (why below)'],
    UNDEC: ['? UNDEC', 'undecided: neither stands nor falls (why below)'],
    accepted: ['\u2714 IN', 'accepted as given: your what-if assumes it stands'],
    rejected: ['\u2718 OUT', 'rejected: your what-if assumes it falls']};
  const safeCall = (fn, args) => {
    try { return fn.apply(A, args); } catch (err) { if (window.console) console.warn('argmap analysis:', err); return null; }
  };
  const compute = () => {
    const options = {support: own.support};
    const res = safeCall(A.grounded, [M.data, own.whatIf, options]);
    S.accept.labels = res && res.labels ? res.labels : null;
    own.result = res;
    if (!own.base) {
      const base = safeCall(A.grounded, [M.data, {rejected: [], accepted: []}, options]);
      own.base = base && base.labels ? base.labels : {};
    }
    const strengths = (whatIf) => (typeof A.dfquad === 'function' ? safeCall(A.dfquad, [M.data, whatIf]) : null);
    if (!own.baseStrength) own.baseStrength = strengths({rejected: [], accepted: []});
    own.strength = strengths(own.whatIf);
  };
  const apply = () => {
    if (S.accept.on) compute();
    app.draw.restyleAll();
    if (S.selected) app.panel.show(S.selected);
    // Labels grew or shrank: bring back into view what the last control showed, or the selection.
    const again = app.camera.shownIds();
    if (again.length) app.camera.show(again);
    else if (S.selected) app.camera.show([S.selected], {anchor: S.selected});
    else app.camera.overview();
    app.emit('accepted');
  };
  const whatIf = (id, kind) => {
    const other = kind === 'rejected' ? 'accepted' : 'rejected';
    const list = own.whatIf[kind], i = list.indexOf(id);
    if (i >= 0) list.splice(i, 1); else list.push(id);
    own.whatIf[other] = own.whatIf[other].filter((x) => x !== id);
    apply();
  };

  const strengthMeter = (id) => {
    const st = own.strength && own.strength.strength ? own.strength.strength[id] : undefined;
    if (typeof st !== 'number' || !isFinite(st)) return null;
    const pct = Math.max(0, Math.min(1, st));
    return h('div', null, [`Strength ${pct.toFixed(2)}`,
      h('div', {class: 'bar', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '1', 'aria-valuenow': pct.toFixed(2), 'aria-label': 'Strength'},
        [h('span', {style: `width:${Math.round(pct * 100)}%`})])]);
  };
  const labelLine = (id) => {
    const l = S.accept.labels && S.accept.labels[id];
    if (!l) return null;
    const assumed = own.whatIf.accepted.includes(id) ? 'accepted' : own.whatIf.rejected.includes(id) ? 'rejected' : l;
    const [word, meaning] = WORDS[assumed] || WORDS.UNDEC;
    return h('p', null, [h('span', {class: 'acc-label', text: word}), ` ${meaning}`]);
  };
  // The explanation, and the claims it names lit on the map (S.accept.mentioned, drawing.js).
  const explanation = (id) => {
    if (typeof A.explain !== 'function' || !own.result) return null;
    const mentioned = [];
    const why = safeCall(A.explain, [M.data, own.result, id, {support: own.support, mentioned}]);
    const lit = new Set([id, ...mentioned]);
    const changed = [...lit].some((x) => !S.accept.mentioned.has(x)) || lit.size !== S.accept.mentioned.size;
    S.accept.mentioned = lit;
    if (changed) setTimeout(() => app.draw.restyleAll(), 0);
    return typeof why === 'string' && why ? h('p', {class: 'why', dir: 'auto', text: why}) : null;
  };
  const whatIfButtons = (id) => {
    const rej = own.whatIf.rejected.includes(id), acc = own.whatIf.accepted.includes(id);
    return h('div', {class: 'actions'}, [
      h('button', {type: 'button', 'aria-pressed': String(rej), text: rej ? 'Undo reject' : 'Reject', onclick: () => whatIf(id, 'rejected')}),
      h('button', {type: 'button', 'aria-pressed': String(acc), text: acc ? 'Undo accept' : 'Accept as given', onclick: () => whatIf(id, 'accepted')})
    ]);
  };
  const labelChange = (id) => {
    const before = own.base && own.base[id], after = S.accept.labels && S.accept.labels[id];
    return before === after ? '' : `${before || '\u2013'} \u2192 ${after || '\u2013'}`;
  };
  // Strengths as the panel shows them (two decimals): a change too small to see is not listed.
  const strengthChange = (id) => {
    const of = (r) => (r && r.strength && typeof r.strength[id] === 'number' ? r.strength[id].toFixed(2) : null);
    const before = of(own.baseStrength), after = of(own.strength);
    return before === null || after === null || before === after ? '' : `strength ${before} \u2192 ${after}`;
  };
  const changes = () => {
    const {rejected, accepted} = own.whatIf;
    if (!rejected.length && !accepted.length) return [];
    const changed = M.nodes.map((n) => ({id: n.id, extra: [labelChange(n.id), strengthChange(n.id)].filter(Boolean).join('; ')}))
      .filter((c) => c.extra);
    return [h('p', {class: 'changes', text: `What if: rejected ${rejected.length}, accepted ${accepted.length}.`}),
      app.panel.linkList('What changed', changed) || h('p', {class: 'changes', text: 'No label or strength changed.'}),
      h('button', {type: 'button', text: 'Reset what-if', onclick: () => { own.whatIf = {rejected: [], accepted: []}; apply(); }})];
  };
  app.panel.addSection((id) => {
    if (!S.accept.on) return null;
    const parts = [ui('h3', {text: 'Acceptability'}), labelLine(id), strengthMeter(id), explanation(id), whatIfButtons(id), ...changes()];
    return h('section', {class: 'acc', 'aria-label': 'Acceptability'}, parts.filter(Boolean));
  });

  $('accept-control').hidden = false;
  const reading = $('support-reading');
  const readSupport = () => { own.support = ['necessary', 'deductive'].includes(reading.value) ? reading.value : 'evidential'; };
  readSupport();  // a restored form
  $('accept-toggle').addEventListener('change', (ev) => {
    S.accept.on = ev.target.checked;
    $('support-control').hidden = !S.accept.on;
    document.querySelectorAll('#legend li[data-key^="acc-"]').forEach((li) => { li.hidden = !S.accept.on; });
    apply();
  });
  reading.addEventListener('change', () => {
    readSupport();
    own.base = null;  // "what changed" compares with no what-if under the same reading
    apply();
  });
  app.on('cleared', () => {
    if (!S.accept.mentioned.size) return;
    S.accept.mentioned = new Set();
    if (S.accept.on) app.draw.restyleAll();
  });
  app.acceptability = {apply, whatIf};
})();
