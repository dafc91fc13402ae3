/* argmap map page, core: the one shared object the page's modules register on and talk through.
   app.model    the map (model.js)         app.state  values several modules read (below)
   app.on/emit  a tiny event bus           app.dom    DOM helpers that only ever use textContent
   Events: 'network' (the vis Network exists), 'refreshed' (what is drawn changed), 'selected'
   ({id, opts}), 'cleared' (nothing selected), 'ready' (first draw done), 'accepted' (labels changed),
   'restyled' (claims drawn in their own look again: labels, groups).
   Nothing from a map is ever parsed as HTML: every element is built by app.dom.h with textContent. */
const app = (() => {
  const listeners = new Map();
  const on = (name, fn) => {
    if (!listeners.has(name)) listeners.set(name, []);
    listeners.get(name).push(fn);
  };
  const emit = (name, detail) => { (listeners.get(name) || []).forEach((fn) => fn(detail)); };
  const mark = (name) => { if (window.performance && performance.mark) performance.mark(`argmap-${name}`); };

  const $ = (id) => document.getElementById(id);
  const setProp = (el, key, value) => {
    if (value === undefined || value === null || value === false) return;
    if (key === 'text') el.textContent = value;
    else if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  };
  const h = (tag, props, children) => {
    const el = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => setProp(el, key, value));
    (children || []).forEach((child) => {
      if (child === null || child === undefined || child === false) return;
      el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return el;
  };
  // UI chrome is English and left-to-right even on a right-to-left map; the map's own text is not.
  const ui = (tag, props, children) => h(tag, {...(props || {}), lang: 'en', dir: 'ltr'}, children);
  const clip = (text, max) => {
    const s = String(text);
    return s.length > max ? `${s.slice(0, max - 1).replace(/\s+\S*$/, '')}\u2026` : s;
  };
  // Labels are wrapped here at word boundaries, rather than by vis (which measures every word on the canvas).
  const wrap = (text, width) => {
    const out = [];
    let line = '';
    String(text).split(/\s+/).forEach((word) => {
      let w = word;
      while (w.length > width + 4) {
        if (line) { out.push(line); line = ''; }
        out.push(w.slice(0, width));
        w = w.slice(width);
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else { out.push(line); line = w; }
    });
    if (line) out.push(line);
    return out.join('\n');
  };
  const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
  const hasControl = (s) => Array.from(s).some((c) => c.charCodeAt(0) < 32);
  const safeUrl = (u) => (typeof u === 'string' && /^\s*(https?|mailto):/i.test(u) && !hasControl(u) ? u.trim() : null);
  const setHash = (id) => {
    try {
      history.replaceState(null, '', id === null ? location.pathname + location.search : `#${encodeURIComponent(id)}`);
    } catch { /* file:// in some browsers refuses */ }
  };

  mark('start');
  return {
    on, emit, mark,
    dom: {$, h, ui, clip, wrap, plural, safeUrl, setHash},
    // Shared state: each field is written by one module (named) and read by the others.
    state: {
      collapsed: new Set(),  // collapse.js
      filters: {speaker: '', tag: '', kind: '', side: ''},  // filters.js
      focus: {set: null, id: null},  // focus.js
      selected: null,  // selection.js
      accept: {on: false, labels: null, mentioned: new Set()}  // acceptability.js
    }
  };
})();
