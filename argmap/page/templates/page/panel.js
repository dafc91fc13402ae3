/* argmap map page, panel: the selected claim in full (speaker, source, quote, note, tags, the links
   around it, each badged by its own role), or the intro while nothing is selected. Other modules
   add sections below the claim with app.panel.addSection(fn): fn(id) returns an element or null;
   app.panel.addIntroSection(fn) adds one below the intro, fn() likewise. */
(() => {
  const M = app.model, S = app.state, {$, h, ui, clip, plural, safeUrl} = app.dom;
  const {byId, ROLES} = M, WORDS = M.data.style.words;
  const panel = $('panel');
  const sections = [], introSections = [];

  const roleBadge = (key) => {
    const known = ROLES[key] ? key : 'claim';
    return ui('span', {class: `badge r-${known}`, text: `${ROLES[known].mark} ${ROLES[known].name}`});
  };
  const badge = (n) => roleBadge(M.roleKey(n));
  const go = (id) => (ev) => { ev.preventDefault(); app.selection.select(id, {camera: true}); };
  const nodeLink = (id) => h('a', {href: `#${encodeURIComponent(id)}`, dir: 'auto', 'data-id': id, text: byId.get(id).label, onclick: go(id)});
  // The instructor's note on a link (why it holds or fails) is read under the link, not only in a
  // hover tooltip on the line, which a phone or a keyboard never shows.
  const linkNote = (note) => (note ? h('p', {class: 'link-note', dir: 'auto', text: note}) : null);
  const linkList = (title, list) => {
    if (!list.length) return null;
    return h('section', null, [ui('h3', {text: `${title} (${list.length})`}),
      h('ul', {class: 'links'}, list.map((it) => h('li', null, [it.role ? roleBadge(it.role) : badge(byId.get(it.id)), nodeLink(it.id),
        it.extra ? ui('span', {class: 'muted', text: it.extra}) : null, linkNote(it.note)])))]);
  };
  const crumbs = (id) => {
    const path = M.ancestors(id).reverse();
    if (!path.length) return null;
    const items = path.flatMap((pid) => {
      const pn = byId.get(pid);
      return [h('a', {href: `#${encodeURIComponent(pid)}`, dir: 'auto', text: clip(pn.type === 'argument' ? M.argCaption(pn) || 'together' : pn.label, 40), onclick: go(pid)}),
        h('span', {class: 'sep', 'aria-hidden': 'true', text: M.rtl ? '\u2039' : '\u203A'})];
    });
    items.push(h('span', {'aria-current': 'location', dir: 'auto', text: clip(byId.get(id).label, 40)}));
    return h('nav', {class: 'crumbs', 'aria-label': 'Path to the thesis'}, items);
  };

  const intro = () => {
    const claims = M.nodes.filter(M.isClaim), theses = claims.filter((n) => n.role === 'thesis').map((n) => ({id: n.id}));
    const counts = [plural(claims.length, 'claim', 'claims'), plural(Object.keys(M.data.speakers).length, 'speaker', 'speakers'),
      plural(Object.keys(M.data.sources).length, 'source', 'sources')].join(', ');
    // The legend's static list (trusted template HTML, no map text) is shown here while nothing is selected.
    const key = $('legend').querySelector('ul').cloneNode(true);
    key.className = 'key';
    return [ui('h2', {text: 'How to read this map'}),
      ui('p', {class: 'hint', text: `${counts}. The thesis is at the top; each claim below it is a reason for ` +
        'or an objection to the claim it points to. Click a claim, in the map or the outline, to read it in full with its speaker, ' +
        'source and verbatim quote; double-click to collapse or expand what is below it.'}),
      ui('section', {'aria-label': 'Legend'}, [ui('h3', {text: 'Legend'}), key]),
      theses.length ? linkList(theses.length > 1 ? 'Theses' : 'Thesis', theses) : null];
  };

  const heading = (n) => {
    const top = ui('p', null, [badge(n)]);
    if (n.side && n.role !== 'thesis') top.appendChild(ui('span', {class: 'muted side', text: n.side === 'pro' ? ' on the thesis\u2019s side' : ' against the thesis'}));
    if (n.type !== 'argument') return [top, ui('h2', {class: 'vh', text: 'Claim'}), h('p', {class: 'claim-text', dir: 'auto', text: n.text})];
    const caption = M.argCaption(n);
    return [top, ui('h2', {class: 'vh', text: 'Linked premises'}),
      h('p', {class: 'claim-text', dir: 'auto', text: caption || 'These premises support the conclusion only together.'}),
      caption ? ui('p', {class: 'muted', text: 'Linked premises: they support the conclusion only together.'}) : null,
      n.scheme ? h('dl', null, [ui('dt', {text: 'Scheme'}), h('dd', {dir: 'auto', text: n.scheme})]) : null];
  };
  const sourceOf = (n) => {
    const src = M.data.sources[n.source] || {title: n.source};
    const bits = [src.title || n.source, src.author, src.date ? String(src.date) : null, src.kind].filter(Boolean);
    const el = h('span', null, [bits.join(' \u00B7 ')]);
    const url = safeUrl(src.url);
    if (url) el.append(' ', h('a', {href: url, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr', text: 'open source \u2197'}));
    return el;
  };
  const facts = (n) => {
    const dl = [];
    const row = (term, value) => { if (value) dl.push(ui('dt', {text: term}), h('dd', {dir: 'auto'}, [value])); };
    const sp = n.speaker ? M.data.speakers[n.speaker] || {} : null;
    if (sp) row('Speaker', (sp.name || n.speaker) + (sp.role ? `, ${sp.role}` : ''));
    if (n.source) row('Source', sourceOf(n));
    row('Where', n.locator);
    row('From', n.group);
    row('Id', n.id);
    return [dl.length ? h('dl', null, dl) : null,
      n.quote ? h('blockquote', {dir: 'auto', 'aria-label': 'Verbatim quote from the source'}, [h('span', {class: 'vh', text: 'Quote: '}), `\u201C${n.quote}\u201D`]) : null,
      n.note ? h('p', {class: 'note', dir: 'auto'}, [ui('b', {text: 'Instructor\u2019s note:'}), ' ', h('span', {dir: 'auto', text: n.note})]) : null,
      n.tags && n.tags.length ? h('p', {class: 'tags', 'aria-label': 'Tags'}, n.tags.map((t) => h('span', {dir: 'auto', text: `#${t}`}))) : null];
  };
  // Each link is badged by its own role, so a claim that is a reason here and a rebuttal elsewhere says so.
  const links = (n) => {
    const reasons = [], objections = [], premises = [];
    M.inE.get(n.id).forEach((e) => {
      const r = M.edgeRole(e), from = byId.get(e.from);
      if (e.relation === 'attack') objections.push({id: e.from, role: r, note: e.note});
      else if (e.relation === 'premise') premises.push({id: e.from, role: M.displayRole(r, from)});
      else reasons.push({id: e.from, role: M.displayRole(r, from), extra: e.relation === 'conclusion' ? '(linked premises)' : '', note: e.note});
    });
    const targets = M.outE.get(n.id).map((e) => h('li', null, [roleBadge(M.displayRole(M.edgeRole(e), n)),
      ui('span', {class: 'muted', text: WORDS[M.edgeRole(e)] || M.edgeRole(e)}), nodeLink(e.to), linkNote(e.note)]));
    return [n.type === 'argument' ? linkList('Premises, together', premises) : null,
      linkList('Reasons', reasons), linkList('Objections', objections),
      targets.length ? h('section', null, [ui('h3', {text: `This ${n.type === 'argument' ? 'argument' : 'claim'} is\u2026`}), h('ul', {class: 'links'}, targets)]) : null];
  };
  const actions = (id) => {
    const buttons = [];
    if (M.kids.get(id).length) buttons.push(ui('button', {type: 'button', text: S.collapsed.has(id) ? 'Expand below' : 'Collapse below',
      onclick: () => { app.collapse.toggle(id); show(id); }}));
    buttons.push(ui('button', {type: 'button', text: 'Focus here', onclick: () => app.focus.on(id)}));
    buttons.push(ui('a', {class: 'permalink', href: `#${encodeURIComponent(id)}`, text: 'Permalink',
      onclick: (ev) => { ev.preventDefault(); app.dom.setHash(id); }}));
    return h('div', {class: 'actions'}, buttons);
  };
  const show = (id) => {
    const n = byId.get(id);
    const parts = [crumbs(id), ...heading(n), ...facts(n), ...links(n), actions(id), ...sections.map((fn) => fn(id))];
    panel.replaceChildren(...parts.filter(Boolean));
    panel.scrollTop = 0;
  };
  const showIntro = () => panel.replaceChildren(...[...intro(), ...introSections.map((fn) => fn())].filter(Boolean));
  // A permalink to an id the map does not have: say so (the intro would look like success).
  const unknown = (id) => {
    const theses = M.nodes.filter((n) => n.role === 'thesis').map((n) => ({id: n.id}));
    const message = `No claim \u2018${id}\u2019 in this map.`;
    panel.replaceChildren(...[ui('p', {class: 'notice', role: 'alert', text: message}),
      ui('p', {class: 'hint', text: 'The link may be from an older version of the map. Search for the claim above, or start from a thesis.'}),
      theses.length ? linkList(theses.length > 1 ? 'Theses' : 'Thesis', theses) : null].filter(Boolean));
    const peek = $('peek');
    peek.replaceChildren(ui('span', {class: 'txt', text: message}));
    peek.hidden = false;
  };
  // Redraw what the panel shows (the selected claim, or the intro).
  const update = () => { if (S.selected) show(S.selected); else showIntro(); };

  app.on('selected', ({id}) => show(id));
  app.on('cleared', showIntro);
  app.panel = {show, update, unknown, badge, roleBadge, linkList,
    addSection: (fn) => sections.push(fn), addIntroSection: (fn) => introSections.push(fn)};
})();
