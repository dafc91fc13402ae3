/* argmap map page, acceptability: the "Acceptability" switch, the support reading, what-if
   (reject / accept as given) and the panel's acceptability section, over the engine analysis.js
   puts at window.ArgmapAnalysis ({grounded, dfquad, explain}; the UI works with any object that
   keeps that contract, and without one the switch stays hidden). */
(() => {
  const M = app.model, S = app.state, {$, h, ui} = app.dom;
  const A = window.ArgmapAnalysis;
  if (!A || typeof A.grounded !== 'function') return;
  const own = {whatIf: {rejected: [], accepted: []}, base: null, strength: null, result: null, support: 'necessary'};
  const WORDS = {IN: ['\u2714 IN', 'accepted: every objection to it is answered'],
    OUT: ['\u2718 OUT', 'rejected: it does not survive the accepted claims (why below)'],
    UNDEC: ['? UNDEC', 'undecided: neither accepted nor rejected (why below)']};
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
    own.strength = typeof A.dfquad === 'function' ? safeCall(A.dfquad, [M.data, own.whatIf]) : null;
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
    const [word, meaning] = WORDS[l] || WORDS.UNDEC;
    return h('p', null, [h('span', {class: 'acc-label', text: word}), ` ${meaning}`]);
  };
  const explanation = (id) => {
    if (typeof A.explain !== 'function' || !own.result) return null;
    const why = safeCall(A.explain, [M.data, own.result, id, {support: own.support}]);
    return typeof why === 'string' && why ? h('p', {dir: 'auto', text: why}) : null;
  };
  const whatIfButtons = (id) => {
    const rej = own.whatIf.rejected.includes(id), acc = own.whatIf.accepted.includes(id);
    return h('div', {class: 'actions'}, [
      h('button', {type: 'button', 'aria-pressed': String(rej), text: rej ? 'Undo reject' : 'Reject', onclick: () => whatIf(id, 'rejected')}),
      h('button', {type: 'button', 'aria-pressed': String(acc), text: acc ? 'Undo accept' : 'Accept as given', onclick: () => whatIf(id, 'accepted')})
    ]);
  };
  const changes = () => {
    const {rejected, accepted} = own.whatIf;
    if (!rejected.length && !accepted.length) return [];
    const changed = S.accept.labels && own.base ? M.nodes.filter((n) => own.base[n.id] !== S.accept.labels[n.id])
      .map((n) => ({id: n.id, extra: `${own.base[n.id] || '\u2013'} \u2192 ${S.accept.labels[n.id] || '\u2013'}`})) : [];
    return [h('p', {class: 'changes', text: `What if: rejected ${rejected.length}, accepted ${accepted.length}.`}),
      app.panel.linkList('What changed', changed) || h('p', {class: 'changes', text: 'No label changed.'}),
      h('button', {type: 'button', text: 'Reset what-if', onclick: () => { own.whatIf = {rejected: [], accepted: []}; apply(); }})];
  };
  app.panel.addSection((id) => {
    if (!S.accept.on) return null;
    const parts = [ui('h3', {text: 'Acceptability'}), labelLine(id), strengthMeter(id), explanation(id), whatIfButtons(id), ...changes()];
    return h('section', {class: 'acc', 'aria-label': 'Acceptability'}, parts.filter(Boolean));
  });

  $('accept-control').hidden = false;
  const reading = $('support-reading');
  const readSupport = () => { own.support = reading.value === 'deductive' ? 'deductive' : 'necessary'; };
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
  app.acceptability = {apply, whatIf};
})();
