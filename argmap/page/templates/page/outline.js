/* argmap map page, outline: the map as an ARIA tree (the diagram's text version), kept in step with
   collapse, filters and selection. Built right after the map's first draw (up to thousands of items). */
(() => {
  const M = app.model, S = app.state, D = app.draw, {$, h} = app.dom;
  const {byId, kids} = M;
  const tree = $('outline');
  const items = new Map();  // id -> li (only for rendered items)
  let activeItem = null, built = false;

  const itemText = (n) => {
    if (n.type !== 'argument') return n.label;
    return n.label && n.label !== n.text ? n.label : n.text;
  };
  // Acceptability labels in the outline as well as on the map: a mark before each claim's text.
  const MARKS = {IN: ['\u2714', 'IN'], OUT: ['\u2718', 'OUT'], UNDEC: ['?', 'UNDEC']};
  const setMark = (span, id) => {
    const l = S.accept.on && S.accept.labels ? MARKS[S.accept.labels[id]] : null;
    span.textContent = l ? l[0] : '';
    span.hidden = !l;
    if (l) span.setAttribute('title', l[1]); else span.removeAttribute('title');
    span.className = l ? `acc-mark acc-${l[1].toLowerCase()}` : 'acc-mark';
  };
  const accMark = (id) => {
    const span = h('span', {class: 'acc-mark'});
    setMark(span, id);
    return span;
  };
  const updateMarks = () => items.forEach((li, id) => {
    const span = li.firstChild && li.firstChild.querySelector('.acc-mark');
    if (span) setMark(span, id);
  });
  const item = (id) => {
    const n = byId.get(id), has = kids.get(id).length > 0, open = has && !S.collapsed.has(id);
    const li = h('li', {role: 'treeitem', 'aria-level': M.depth.get(id) + 1, 'aria-selected': 'false', tabindex: '-1', 'data-id': id,
      'aria-expanded': has ? String(open) : null});
    li.appendChild(h('div', {class: 'row'}, [
      h('span', {class: 'tw', 'aria-hidden': 'true', text: has ? (open ? '\u25BE' : '\u25B8') : ''}),
      app.panel.badge(n),
      accMark(id),
      h('span', {class: 'txt', dir: 'auto', text: itemText(n)})
    ]));
    if (open) li.appendChild(h('ul', {role: 'group'}, kids.get(id).map(item)));
    items.set(id, li);
    return li;
  };
  const setActive = (li) => {
    if (activeItem && activeItem !== li) activeItem.setAttribute('tabindex', '-1');
    activeItem = li;
    li.setAttribute('tabindex', '0');
  };
  const markSelected = (id) => {
    tree.querySelectorAll('li[aria-selected=true]').forEach((x) => x.setAttribute('aria-selected', 'false'));
    const li = id === null ? null : items.get(id);
    if (li) { li.setAttribute('aria-selected', 'true'); setActive(li); }
  };
  // A claim shows in the outline when it matches, or (greyed, as context) when something below it does.
  const updateVisibility = () => {
    if (!built) return;
    const show = new Map();
    for (let i = M.nodes.length - 1; i >= 0; i--) {  // reverse pre-order: children before parents
      const n = M.nodes[i], s = D.matches(n.id) || show.get(n.id) === true;
      show.set(n.id, s);
      if (s && n.parent) show.set(n.parent, true);
    }
    items.forEach((li, id) => {
      li.classList.toggle('hide', !show.get(id));
      li.classList.toggle('context', show.get(id) && !D.matches(id));
    });
  };
  const build = () => {
    items.clear();
    const roots = M.roots.map(item);
    tree.replaceChildren(...roots);
    built = true;
    if (roots.length) setActive(roots[0]);
    updateVisibility();
    if (S.selected) markSelected(S.selected);
  };
  const rebuild = (id) => {
    const li = items.get(id);
    if (!li) return;
    li.querySelectorAll('li[data-id]').forEach((x) => items.delete(x.getAttribute('data-id')));
    const fresh = item(id);
    if (activeItem === li) activeItem = fresh;
    li.replaceWith(fresh);
    if (S.selected) markSelected(S.selected);
    updateVisibility();
  };
  const onSelected = ({id, opts}) => {
    markSelected(id);
    const li = items.get(id);
    if (!li) return;
    // Keep the selected item in view inside the outline's own scroll box; on a phone the outline is
    // part of the page below the map, and scrolling to it would carry the reader away from the map.
    if (opts.fromOutline) li.focus();
    else if (getComputedStyle($('outline-pane')).overflowY !== 'visible') li.scrollIntoView({block: 'nearest'});
  };

  const visibleItems = () => Array.from(tree.querySelectorAll('li[role=treeitem]')).filter((li) => li.offsetParent !== null);
  const choose = (li) => { if (li) app.selection.select(li.getAttribute('data-id'), {camera: true, fromOutline: true}); };
  const step = (li, by) => { const list = visibleItems(); choose(list[list.indexOf(li) + by]); };
  const openOrDescend = (li, id) => {
    if (li.getAttribute('aria-expanded') === 'false') { app.collapse.toggle(id); items.get(id).focus(); }
    else if (li.getAttribute('aria-expanded') === 'true') choose(li.querySelector('li[role=treeitem]:not(.hide)'));
  };
  const closeOrAscend = (li, id) => {
    if (li.getAttribute('aria-expanded') === 'true') { app.collapse.toggle(id); items.get(id).focus(); }
    else if (byId.get(id).parent) choose(items.get(byId.get(id).parent));
  };
  const keyActions = {
    ArrowDown: (li) => step(li, 1),
    ArrowUp: (li) => step(li, -1),
    Home: () => choose(visibleItems()[0]),
    End: () => choose(visibleItems().at(-1)),
    [M.rtl ? 'ArrowLeft' : 'ArrowRight']: openOrDescend,
    [M.rtl ? 'ArrowRight' : 'ArrowLeft']: closeOrAscend,
    Enter: (li) => choose(li),
    ' ': (li) => choose(li)
  };
  tree.addEventListener('click', (ev) => {
    const li = ev.target.closest('li[role=treeitem]');
    if (!li) return;
    if (ev.target.classList.contains('tw')) app.collapse.toggle(li.getAttribute('data-id'));
    else choose(li);
  });
  tree.addEventListener('keydown', (ev) => {
    const li = ev.target.closest('li[role=treeitem]'), action = keyActions[ev.key];
    if (!li || !action) return;
    action(li, li.getAttribute('data-id'));
    ev.preventDefault();
  });

  // The outline's column: "Wider" switches between two widths; the separator beside it drags (or,
  // focused, moves by 16 px with the arrow keys) between 12rem and 60% of the window.
  const main = $('main'), handle = $('outline-resize'), wider = $('outline-wider');
  const setWidth = (px) => {
    const width = Math.round(Math.max(192, Math.min(px, window.innerWidth * 0.6)));
    main.style.setProperty('--outline-width', `${width}px`);
    handle.setAttribute('aria-valuenow', String(width));
  };
  const paneWidth = () => $('outline-pane').getBoundingClientRect().width;
  wider.addEventListener('click', () => {
    main.style.removeProperty('--outline-width');
    const on = main.classList.toggle('wide-outline');
    wider.setAttribute('aria-pressed', String(on));
    wider.textContent = on ? 'Narrower' : 'Wider';
  });
  handle.addEventListener('pointerdown', (ev) => {
    const x0 = ev.clientX, w0 = paneWidth(), sign = M.rtl ? -1 : 1;
    handle.setPointerCapture(ev.pointerId);
    const move = (e) => setWidth(w0 + sign * (e.clientX - x0));
    const stop = () => { handle.removeEventListener('pointermove', move); handle.removeEventListener('pointerup', stop); };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
  });
  handle.addEventListener('keydown', (ev) => {
    const step = {ArrowRight: 16, ArrowLeft: -16}[ev.key];
    if (!step) return;
    setWidth(paneWidth() + (M.rtl ? -step : step));
    ev.preventDefault();
  });
  $('toggle-outline').addEventListener('click', () => {
    const closed = main.classList.toggle('no-outline');
    $('toggle-outline').setAttribute('aria-expanded', String(!closed));
  });

  app.on('selected', onSelected);
  app.on('cleared', () => markSelected(null));
  app.on('refreshed', updateVisibility);
  app.on('accepted', updateMarks);
  app.on('ready', () => setTimeout(() => {
    build();
    tree.setAttribute('aria-busy', 'false');
    app.mark('outline');
  }, 0));
  app.outline = {build, rebuild};
})();
