/* argmap map page, filters: speaker, tag, kind and side menus, "Show all", and the status line that
   says what is shown. The filter values live in app.state.filters; drawing.js asks accepts(n). */
(() => {
  const M = app.model, S = app.state, D = app.draw, {$, h, clip, plural} = app.dom;
  const KEYS = ['speaker', 'tag', 'kind', 'side'];
  const F = S.filters;

  const active = () => KEYS.some((k) => F[k]);
  const accepts = (n) => (!F.speaker || n.speaker === F.speaker) && (!F.tag || (n.tags || []).includes(F.tag))
    && (!F.kind || n.kind === F.kind) && (!F.side || n.side === F.side);
  const reset = () => KEYS.forEach((k) => { F[k] = ''; $(`f-${k}`).value = ''; });

  // Draw what the filters select and bring all of it into view (or the first view, with none on).
  const apply = () => {
    D.hideTooltip();
    D.refresh();
    if (active() || S.focus.set) app.camera.show(M.nodes.filter((n) => D.matches(n.id)).map((n) => n.id));
    else { app.camera.clearShown(); app.camera.overview(); }
  };
  const fill = (select, values) => {
    values.forEach(([value, text]) => select.appendChild(h('option', {value, text})));
    if (!values.length) select.closest('label').hidden = true;
  };
  const initMenus = () => {
    const speakers = new Map(), tags = new Map(), kinds = new Set();
    M.nodes.filter(M.isClaim).forEach((n) => {
      if (n.speaker) speakers.set(n.speaker, M.speakerName(n));
      (n.tags || []).forEach((t) => tags.set(t, t));
      kinds.add(n.kind);
    });
    const sorted = (m) => Array.from(m.entries()).sort((a, b) => a[1].localeCompare(b[1]));
    fill($('f-speaker'), sorted(speakers));
    fill($('f-tag'), sorted(tags));
    fill($('f-kind'), ['thesis', 'claim', 'evidence'].filter((k) => kinds.has(k)).map((k) => [k, k]));
    KEYS.forEach((k) => $(`f-${k}`).addEventListener('change', (ev) => { F[k] = ev.target.value; apply(); }));
  };
  initMenus();

  $('show-all').addEventListener('click', () => {
    reset();
    app.focus.leave();
    D.refresh();
    app.camera.clearShown();
    app.camera.overview();
    if (S.selected) app.network.selectNodes([S.selected]);
  });

  // Claims are what a student counts; a linked-premise junction (◆) is part of a step, not a claim.
  const updateStatus = () => {
    const claims = M.nodes.filter(M.isClaim), total = claims.length, shown = claims.filter((n) => D.isVisible(n.id)).length;
    let msg = `Showing ${shown} of ${plural(total, 'claim', 'claims')}`;
    if (shown === total) msg = total === 1 ? 'Showing the one claim' : `Showing all ${total} claims`;
    if (S.collapsed.size && !active()) msg += ` \u00B7 ${S.collapsed.size} collapsed`;
    if (S.focus.set) msg += ` \u00B7 focused on \u201C${clip(M.byId.get(S.focus.id).label, 30)}\u201D`;
    if (!shown && (active() || S.focus.set)) msg = `No claim matches: ${msg}`;
    const off = app.camera.offscreen().length, matches = app.camera.shownIds().length;
    if (off) msg += ` \u00B7 ${off} of ${matches} off-screen`;
    $('status').textContent = msg;
    $('next-match').hidden = !off;
    $('show-all').hidden = !(S.focus.set || active());
  };
  app.on('refreshed', updateStatus);
  app.on('shown', updateStatus);
  app.on('view', () => { if (app.camera.shownIds().length) updateStatus(); });
  app.on('network', updateStatus);

  app.filters = {active, accepts, reset, apply};
})();
