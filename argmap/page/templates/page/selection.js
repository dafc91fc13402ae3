/* argmap map page, selection: which claim is selected, and bringing it into view (drop the filters
   or focus that hide it, open the collapsed claims above it). The panel, the outline and the peek
   card follow the 'selected' and 'cleared' events. */
(() => {
  const M = app.model, S = app.state, D = app.draw, {$, h, ui} = app.dom;

  const reveal = (id) => {
    if (!D.matches(id)) { app.filters.reset(); app.focus.leave(); }  // filtered or focused away
    app.collapse.openAbove(id);
    D.refresh();
  };
  const select = (id, opts = {}) => {
    if (!M.byId.has(id)) return;
    reveal(id);
    D.hideTooltip();
    S.selected = id;
    app.network.selectNodes([id]);
    if (opts.camera) app.camera.moveTo(id);
    app.emit('selected', {id, opts});
    if (opts.hash !== false) app.dom.setHash(id);
  };
  const clear = () => {
    D.hideTooltip();
    S.selected = null;
    app.network.unselectAll();
    app.emit('cleared');
    app.dom.setHash(null);
  };

  // On a phone the panel sits below the map: a one-line card on the map says what is selected
  // and takes the reader to the details (hidden by CSS on wide screens).
  const peek = $('peek');
  const toDetails = () => { $('panel').scrollIntoView({block: 'start'}); $('panel').focus({preventScroll: true}); };
  app.on('selected', ({id}) => {
    const n = M.byId.get(id);
    peek.replaceChildren(app.panel.badge(n), h('span', {class: 'txt', dir: 'auto', text: n.type === 'argument' ? n.text : n.label}),
      ui('button', {type: 'button', text: 'Details \u2193', onclick: toDetails}));
    peek.hidden = false;
  });
  app.on('cleared', () => { peek.hidden = true; });

  // The panel never shows a claim the filters or focus hide.
  app.on('refreshed', () => { if (S.selected !== null && !D.matches(S.selected)) clear(); });

  app.on('network', (network) => {
    network.on('click', (p) => {
      D.hideTooltip();  // a tap or a click closes the tooltip, wherever it lands
      if (p.nodes && p.nodes.length) select(String(p.nodes[0]));
      else if (!p.edges || !p.edges.length) clear();
    });
    network.on('dragStart', D.hideTooltip);
    network.on('zoom', D.hideTooltip);
  });

  app.selection = {select, clear};
})();
