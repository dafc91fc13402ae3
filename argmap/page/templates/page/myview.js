/* argmap map page, My view: the student marks claims accept, reject or unsure (in the panel of the
   selected claim) and the page says whether the marks fit together under the chosen reading of
   support: the same check as `argmap analyze --judgments` (judgments.js). Each conflict is said in
   plain words with the smallest change that helps, and the claims involved glow on the map and in
   the outline. It never says a mark is wrong about the world, only that the marks do not fit
   together. Marks stay in this browser (localStorage, per map) and are exported as the judgments
   file the CLI reads (YAML or JSON, a Blob download, no network). Map text is set as text only. */
(() => {
  const M = app.model, D = app.draw, S = app.state, {$, h, ui, clip, plural} = app.dom;
  const J = window.ArgmapJudgments;
  if (!J || typeof J.check !== 'function') return;
  const MARKS = [['accept', '\u2714 Accept'], ['reject', '\u2718 Reject'], ['unsure', '? Unsure']];
  const DONE = {accept: 'You accept it.', reject: 'You reject it.', unsure: 'You are unsure about it.'};
  const READINGS = {evidential: 'evidential', necessary: 'necessary', deductive: 'sufficient (deductive)'};
  const SHOWN = 20;  // conflicts listed and lit: the ones whose smallest change is verified
  const GLOW = {enabled: true, color: 'rgba(196, 30, 90, 0.85)', size: 18, x: 0, y: 0};
  const own = {marks: new Map(), student: '', on: false, result: null, lit: new Set(), clearing: false};

  // ------------------------------------------------------------------ marks, kept in this browser
  const STORE = `argmap-myview:v1:${M.data.title}:${M.size}`;
  const isMark = (value) => MARKS.some(([m]) => m === value);
  const load = () => {
    own.marks = new Map();
    try {
      const saved = JSON.parse(localStorage.getItem(STORE) || '{}') || {};
      (Array.isArray(saved.marks) ? saved.marks : []).forEach((pair) => {
        if (Array.isArray(pair) && M.byId.has(pair[0]) && isMark(pair[1])) own.marks.set(pair[0], pair[1]);
      });
      own.student = typeof saved.student === 'string' ? saved.student : '';
    } catch { /* unreadable: start afresh */ }
  };
  const save = () => {
    try { localStorage.setItem(STORE, JSON.stringify({marks: [...own.marks], student: own.student})); } catch { /* private mode */ }
  };
  // In the map's (the outline's) order, whatever order they were marked in.
  const ordered = () => M.nodes.filter((n) => own.marks.has(n.id)).map((n) => [n.id, own.marks.get(n.id)]);

  // ------------------------------------------------------------------ the check
  const reading = () => {
    const value = $('support-reading') ? $('support-reading').value : '';
    return READINGS[value] ? value : 'evidential';
  };
  const nameOf = (id) => J.nameOf(M.data, id);
  const counts = () => {
    const c = {accept: 0, reject: 0, unsure: 0};
    own.marks.forEach((value) => { c[value]++; });
    return c;
  };
  const summaryLine = () => {
    if (!own.marks.size) return 'You have not marked any claim yet: select a claim and mark it accept, reject or unsure.';
    const c = counts(), n = own.result ? own.result.conflicts.length : 0;
    const marked = `You marked ${plural(own.marks.size, 'claim', 'claims')}: ${c.accept} accepted, ${c.reject} rejected, ${c.unsure} unsure.`;
    const under = `under the ${READINGS[reading()]} reading of support`;
    if (!n) return `${marked} Your judgments fit together ${under}.`;
    return `${marked} ${n === 1 ? '1 judgment does' : `${n} judgments do`} not fit the others ${under}.`;
  };
  const fixText = (fix) => {
    const action = fix.to === 'unsure' ? `mark ${nameOf(fix.claim)} unsure` : `${fix.to} ${nameOf(fix.claim)}`;
    if (fix.left === null) return action;
    return fix.left === 0 ? `${action} (then your view is coherent)` : `${action} (${plural(fix.left, 'conflict', 'conflicts')} left)`;
  };

  // ------------------------------------------------------------------ conflicts lit on the map and in the outline
  const outlineStyle = ui('style', {id: 'myview-style'});
  document.head.append(outlineStyle);
  const practising = () => Boolean(app.practice && app.practice.active());
  const glowOnMap = () => {
    if (!own.lit.size || practising()) return;
    D.dataSets.nodes.update([...own.lit].filter(D.isVisible).map((id) => ({id, shadow: GLOW})));
  };
  const light = () => {
    const next = new Set();
    if (own.on && own.result) own.result.conflicts.slice(0, SHOWN).forEach((c) => [c.claim, ...c.others].forEach((id) => next.add(id)));
    const gone = [...own.lit].filter((id) => !next.has(id));
    own.lit = next;
    // Ids go into the selector through CSS.escape, inside a quoted attribute value.
    outlineStyle.textContent = [...next].map((id) => `#outline li[data-id="${CSS.escape(id)}"] > .row`).join(',')
      + (next.size ? '{box-shadow:inset 4px 0 0 rgb(196,30,90);background:#fdecf2}' : '');
    if (!gone.length) { glowOnMap(); return; }
    D.dataSets.nodes.update(gone.filter(D.isVisible).map((id) => ({id, shadow: {enabled: false}})));
    D.relabel(gone);  // their own look back (an explanation's glow); 'restyled' lights the rest
  };
  app.on('restyled', glowOnMap);

  // ------------------------------------------------------------------ marking
  const live = ui('p', {id: 'myview-live', class: 'vh', 'aria-live': 'polite'});
  document.body.append(live);
  const refresh = () => {
    own.result = own.on ? J.check(M.data, own.marks, {support: reading()}) : null;
    light();
    app.panel.update();
    if (own.on) live.textContent = summaryLine();
  };
  const mark = (id, value) => {
    if (!M.byId.has(id)) return;
    if (isMark(value)) own.marks.set(id, value); else own.marks.delete(id);
    own.clearing = false;
    save();
    refresh();
  };
  // A pressed button pressed again takes the mark back; the focus stays on the button.
  const press = (id, value) => {
    mark(id, own.marks.get(id) === value ? null : value);
    const again = $('panel').querySelector(`.mv-marks button[data-mark="${value}"]`);
    if (again) again.focus();
  };
  const applyFix = (fix) => {
    mark(fix.claim, fix.to);
    const heading = $('myview-heading');
    if (heading) heading.focus();
  };
  const clearAll = () => {
    if (!own.clearing) { own.clearing = true; app.panel.update(); focusById('myview-clear'); return; }
    own.marks = new Map();
    own.clearing = false;
    save();
    refresh();
    focusById('myview-heading');
  };
  const focusById = (id) => { const el = $(id); if (el) el.focus(); };

  app.myview = {
    active: () => own.on, mark, result: () => own.result, marks: () => Object.fromEntries(ordered()),
    replace: (view) => { own.marks = new Map(Object.entries(view || {}).filter(([id, v]) => M.byId.has(id) && isMark(v))); save(); refresh(); },
    exported: (format) => (format === 'json' ? jsonText() : yamlText())
  };
  load();

  // ------------------------------------------------------------------ export: the file `argmap analyze --judgments` reads
  // YAML 1.1 (PyYAML) reads a double-quoted scalar with \u escapes; anything it would fold or
  // refuse (line breaks, controls, U+2028/2029, a byte-order mark) is escaped.
  const UNSAFE = [0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff];
  const unsafe = (code) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || UNSAFE.includes(code);
  const escapeChar = (ch) => {  // ch: one code point (a lone surrogate stays one unit)
    if (ch === '"' || ch === '\\') return `\\${ch}`;
    const code = ch.codePointAt(0);
    return unsafe(code) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  };
  const quoted = (text) => `"${Array.from(String(text), escapeChar).join('')}"`;
  const YAML_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
  const yamlKey = (id) => (/^[A-Za-z][A-Za-z0-9_-]*$/.test(id) && !YAML_WORDS.has(id.toLowerCase()) ? id : quoted(id));
  const student = () => own.student.trim();
  const yamlText = () => {
    const lines = ['# My view, from the argmap page. Check it with: argmap analyze MAP --judgments THIS-FILE', `map: ${quoted(M.data.title)}`];
    if (student()) lines.push(`student: ${quoted(student())}`);
    const marks = ordered();
    lines.push(marks.length ? 'judgments:' : 'judgments: {}', ...marks.map(([id, value]) => `  ${yamlKey(id)}: ${value}`));
    return `${lines.join('\n')}\n`;
  };
  const jsonText = () => {
    const data = {map: M.data.title, ...(student() ? {student: student()} : {}), judgments: Object.fromEntries(ordered())};
    return `${JSON.stringify(data, null, 2)}\n`;
  };
  const download = (format) => {
    const type = format === 'json' ? 'application/json' : 'application/yaml';
    const blob = new Blob([app.myview.exported(format)], {type});
    const a = h('a', {href: URL.createObjectURL(blob), download: `my-view.${format}`});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  };

  // ------------------------------------------------------------------ the panel
  const go = (id) => (ev) => { ev.preventDefault(); app.selection.select(id, {camera: true}); };
  const claimLink = (id) => h('a', {href: `#${encodeURIComponent(id)}`, dir: 'auto', 'data-id': id, text: clip(M.byId.get(id).label, 60), onclick: go(id)});
  const conflictItem = (c) => {
    const involved = [c.claim, ...c.others.filter((o) => o !== c.claim)];
    return h('li', {class: 'mv-conflict', 'data-id': c.claim}, [
      h('p', {class: 'mv-message', lang: 'en', dir: 'auto', text: c.message}),
      h('p', {class: 'mv-fix', lang: 'en', dir: 'auto'}, [ui('b', {text: 'Smallest change: '}), fixText(c.fix), ' ',
        ui('button', {type: 'button', class: 'mv-apply', text: 'Make this change', onclick: () => applyFix(c.fix)})]),
      h('p', {class: 'mv-claims'}, [ui('span', {class: 'muted', text: 'See: '}),
        ...involved.flatMap((id, i) => (i ? [', ', claimLink(id)] : [claimLink(id)]))])
    ]);
  };
  const exportControls = () => h('div', {class: 'mv-export'}, [
    ui('label', {for: 'myview-student', text: 'Your name (optional, goes into the file) '}),
    h('input', {type: 'text', id: 'myview-student', dir: 'auto', value: own.student, autocomplete: 'name',
      oninput: (ev) => { own.student = ev.target.value; save(); }}),
    ui('div', {class: 'actions'}, [
      ui('button', {type: 'button', id: 'myview-yaml', text: 'Download YAML', onclick: () => download('yaml')}),
      ui('button', {type: 'button', id: 'myview-json', text: 'Download JSON', onclick: () => download('json')}),
      ui('button', {type: 'button', id: 'myview-clear', text: own.clearing ? `Really clear all ${own.marks.size} marks?` : 'Clear my marks',
        onclick: clearAll})])]);
  const summary = () => {
    const conflicts = own.result ? own.result.conflicts : [], listed = conflicts.slice(0, SHOWN);
    return [ui('p', {class: 'mv-summary', text: summaryLine()}),
      listed.length ? ui('ol', {class: 'mv-conflicts', 'aria-label': 'Judgments that do not fit together'}, listed.map(conflictItem)) : null,
      conflicts.length > listed.length ? ui('p', {class: 'muted', text: `And ${conflicts.length - listed.length} more: start with these.`}) : null,
      ui('p', {class: 'muted', text: 'This says only whether your judgments fit together under the reading, not whether any of them is right. '
        + 'The reading is chosen under Support as, next to Acceptability.'}),
      exportControls()];
  };
  const heading = () => ui('h3', {id: 'myview-heading', tabindex: '-1', text: 'My view'});
  const markButtons = (id) => {
    const current = own.marks.get(id) || null;
    return [h('div', {role: 'group', class: 'mv-marks', 'aria-label': `Your judgment of \u201c${clip(M.byId.get(id).label, 80)}\u201d`},
      MARKS.map(([value, text]) => ui('button', {type: 'button', 'data-mark': value, 'aria-pressed': String(current === value), text,
        onclick: () => press(id, value)}))),
    ui('p', {class: 'muted', text: current ? `${DONE[current]} Press the same button again to take your mark back.` : 'Not marked yet.'})];
  };
  app.panel.addSection((id) => {
    if (!own.on) return null;
    const here = own.result && own.result.conflicts.find((c) => c.claim === id);
    return h('section', {class: 'myview', 'aria-labelledby': 'myview-heading'}, [heading(), ...markButtons(id),
      here ? h('p', {class: 'mv-here', lang: 'en', dir: 'auto'}, [ui('b', {text: 'This claim: '}), here.message]) : null, ...summary()]);
  });
  app.panel.addIntroSection(() => (own.on ? h('section', {class: 'myview', 'aria-labelledby': 'myview-heading'}, [heading(),
    ui('p', {class: 'hint', text: 'Select a claim, in the map or the outline, to mark it accept, reject or unsure.'}), ...summary()]) : null));

  // ------------------------------------------------------------------ the switch
  const toggle = ui('button', {type: 'button', id: 'myview-toggle', 'aria-pressed': 'false',
    title: 'Mark claims accept, reject or unsure, and see whether your marks fit together', text: 'My view'});
  const legend = ui('li', {'data-key': 'myview', hidden: true}, [ui('span', {class: 'sw sw-myview'}), ui('b', {text: 'glow'}),
    ' a claim in a conflict of your view']);
  $('legend').querySelector('ul').append(legend);
  const showReading = () => { $('support-control').hidden = !(own.on || S.accept.on); };
  toggle.addEventListener('click', () => {
    own.on = !own.on;
    toggle.setAttribute('aria-pressed', String(own.on));
    legend.hidden = !own.on;
    showReading();
    refresh();
  });
  $('toggle-outline').before(toggle);
  $('support-reading').addEventListener('change', () => { if (own.on) refresh(); });
  $('accept-toggle').addEventListener('change', showReading);
  // Practice hides what each link does, which the conflicts would tell: My view steps aside.
  document.addEventListener('click', (ev) => {
    if (own.on && ev.target instanceof Element && ev.target.closest('#practice-toggle')) setTimeout(() => { if (practising()) toggle.click(); }, 0);
  });
})();
