/* argmap map page, print: the page prints as a handout. The print stylesheet (page.css, @media
   print) keeps the title and the map as the level in view on the first page and hides every
   control; then comes #handout, every claim in full (speaker, source, quote, locator, notes) nested
   as the outline is, each case from a new page.
   The handout is built the first time the page is about to print ('beforeprint', or the print
   media query turning on, which is what Chromium's page.pdf() and print emulation do), not at load:
   at 10,000 claims it is some 140,000 elements (0.4 s, docs/performance.md) that a reader who
   never prints should not pay for.
   The map's data never changes, so it is built once.
   Around printing, the map's pane is sized to the printable area and the level in view refitted
   legibly in it (a canvas prints what it last drew: Chromium records a redraw made while printing
   as vector drawing, text included); 'afterprint' puts the screen view back. */
(() => {
  const M = app.model, {$, h, ui, clip, safeUrl} = app.dom, {byId, ROLES} = M, WORDS = M.data.style.words;
  const handout = $('handout'), pane = $('graph-pane');
  // The printable area of the smaller of A4 and Letter inside page.css's 12 mm margins is 186 mm
  // across; the map takes 170 mm of the first page's height, which leaves room for the title.
  const MM = 96 / 25.4, MAP_WIDTH = Math.floor(186 * MM), MAP_HEIGHT = Math.floor(170 * MM);

  // ------------------------------------------------------------------ the handout
  const badge = (key) => {
    const r = ROLES[key] || ROLES.claim;
    return ui('span', {class: 'h-badge', text: `${r.mark} ${r.name}`});
  };
  // The space goes between the label and the value, outside the label: inside its left-to-right
  // isolate, a right-to-left line would put it at the margin and glue the two together.
  const field = (term, value) => (value ? h('p', {class: 'h-field'}, [ui('span', {class: 'h-term', text: `${term}:`}), ' ',
    h('span', {dir: 'auto', text: value})]) : null);
  const speaker = (n) => {
    if (!n.speaker) return null;
    const sp = M.data.speakers[n.speaker] || {};
    return (sp.name || n.speaker) + (sp.role ? `, ${sp.role}` : '');
  };
  const source = (n) => {
    if (!n.source) return null;
    const src = M.data.sources[n.source] || {title: n.source};
    const url = safeUrl(src.url);
    return [src.title || n.source, src.author, src.date ? String(src.date) : null, src.kind, url].filter(Boolean).join(' \u00B7 ');
  };
  // The link a claim is drawn along (to its parent) carries the instructor's note on that link;
  // links to claims drawn elsewhere are named, since the nesting shows only the one.
  const links = (n) => M.outE.get(n.id).map((e) => {
    const to = byId.get(e.to), word = WORDS[M.edgeRole(e)] || M.edgeRole(e);
    if (e.to === n.parent) return field('On this link', e.note);
    const target = to.type === 'argument' ? M.argCaption(to) || 'linked premises' : to.label;
    return field('Also', `${word} \u201C${target}\u201D${e.note ? ` \u2014 ${e.note}` : ''}`);
  });
  const text = (n) => (n.type === 'argument'
    ? M.argCaption(n) || 'These premises support the claim above only together.' : n.text);
  // Indented by depth up to DEEPEST (page.css's .h-d1 to .h-d8); deeper claims name the claim they answer.
  const DEEPEST = 8;
  const claim = (n, depth) => h('div', {class: `h-claim h-d${Math.min(depth, DEEPEST)}`, 'data-id': n.id}, [
    h('p', {class: 'h-text'}, [badge(M.roleKey(n)), ' ', h('span', {dir: 'auto', text: text(n)})]),
    depth > DEEPEST ? field('Answers', `\u201C${clip(byId.get(n.parent).label, 80)}\u201D`) : null,
    field('Speaker', speaker(n)), field('Source', source(n)), field('Where', n.locator),
    n.quote ? h('blockquote', {class: 'h-quote', dir: 'auto', text: `\u201C${n.quote}\u201D`}) : null,
    n.note ? h('p', {class: 'h-note'}, [ui('span', {class: 'h-term', text: 'Instructor\u2019s note:'}), ' ', h('span', {dir: 'auto', text: n.note})]) : null,
    field('Scheme', n.scheme), field('Tags', n.tags && n.tags.length ? n.tags.map((t) => `#${t}`).join(' ') : null),
    ...links(n)
  ]);
  // The outline's pre-order (a parent before its children), one section per tree, the nesting
  // drawn by indentation. Not nested lists: a page break has to split every box around it, and a
  // generated 10,000-claim map nests 669 deep, which made Chromium's print layout take minutes
  // and gigabytes; flat, each break splits one section.
  const cases = () => {
    const sections = [];
    M.nodes.forEach((n) => {
      const depth = M.depth.get(n.id);
      if (depth === 0) sections.push(h('section', {class: 'h-case', 'data-root': n.id}));
      sections.at(-1).appendChild(claim(n, depth));
    });
    return sections;
  };
  const key = () => ui('p', {class: 'h-key'}, [['thesis', 'reason', 'objection', 'rebuttal', 'evidence', 'undercut']
    .map((k) => `${ROLES[k].mark} ${ROLES[k].name.toLowerCase()}`).join('   ')]);
  let filled = false;
  const fill = () => {
    if (filled) return;
    const t0 = performance.now();
    handout.replaceChildren(ui('h2', {class: 'h-title', text: 'Every claim in full'}), key(), ...cases());
    filled = true;
    app.print.fillMs = performance.now() - t0;
  };

  // ------------------------------------------------------------------ the map, sized to the page
  const printing = window.matchMedia('print');
  let saved = null;
  const early = new Map();  // network -> its screen camera, kept at the print layout's resize
  // The screen's camera, to put back after printing. 'beforeprint' comes before the print layout,
  // but with page.pdf() or print emulation the print layout (a wider pane) reaches vis first, and
  // vis rescales the view to it: its 'resize' event, sent just before, keeps the screen's camera.
  // (The print stylesheet is in force, read from the style itself: matchMedia may not have caught up.)
  const printLayout = () => getComputedStyle(handout).display !== 'none';
  const watched = new WeakSet();
  const watch = () => {
    const net = app.lod.network();
    if (watched.has(net)) return;
    watched.add(net);
    net.on('resize', (r) => {
      if (!printLayout() || saved || early.has(net)) return;
      early.set(net, {net, position: net.getViewPosition(), scale: net.getScale(), width: r.oldWidth, height: r.oldHeight});
    });
  };
  const cameraOf = (net) => {
    if (early.has(net)) return early.get(net);
    const box = net.body.container.getBoundingClientRect();
    return {net, position: net.getViewPosition(), scale: net.getScale(), width: box.width, height: box.height};
  };
  const fitMap = () => {
    if (saved || !app.lod) return;
    const level = app.lod.level(), net = app.lod.network(), was = cameraOf(net);
    saved = {...was, paneWidth: pane.style.width, paneHeight: pane.style.height};
    pane.style.width = `${MAP_WIDTH}px`;
    pane.style.height = `${MAP_HEIGHT}px`;
    // Fixed pixels, not 100%: between 'beforeprint' and the print layout nothing may stretch the canvas.
    const box = net.body.container.getBoundingClientRect();
    net.setSize(`${Math.floor(box.width)}px`, `${Math.floor(box.height)}px`);
    if (level === 'all') {
      // The part of the map in view on screen, whole on paper, but never below the legible zoom.
      const fits = Math.min(box.width / (was.width / was.scale), box.height / (was.height / was.scale));
      net.moveTo({position: was.position, scale: Math.max(app.lod.minScale('all'), fits), animation: false});
    } else {
      app.lod.fit(level);
    }
    net.redraw();
  };
  const restore = () => {
    early.clear();
    if (!saved) return;
    const {net} = saved;
    pane.style.width = saved.paneWidth;
    pane.style.height = saved.paneHeight;
    net.setSize('100%', '100%');
    net.moveTo({position: saved.position, scale: saved.scale, animation: false});
    net.redraw();
    saved = null;
  };
  const beforePrint = () => {
    app.draw.hideTooltip();
    fill();
    fitMap();
  };

  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', restore);
  printing.addEventListener('change', (ev) => (ev.matches ? beforePrint() : restore()));
  app.on('level', watch);
  $('print').addEventListener('click', () => window.print());
  app.print = {fill, fitMap, restore, fillMs: null};
})();
