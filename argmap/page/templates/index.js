/* argmap site index: filter the list of maps by title and summary; every word typed must appear in
   one of them (text only, no HTML). Text is folded as on the map page's search: case, NFKC, the
   Persian zero-width non-joiner, Arabic yeh and kaf for the Persian letters, vowel marks, tatweel. */
(() => {
  'use strict';
  const q = document.getElementById('q'), status = document.getElementById('status');
  const items = Array.from(document.querySelectorAll('#maps li.map'));
  const sections = Array.from(document.querySelectorAll('#maps > section'));
  // eslint-disable-next-line no-misleading-character-class -- a class of single joiners and marks, dropped one by one
  const DROP = /[\u200c\u200d\u0640\u064b-\u065f\u0670]/g, MAP = {'\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9'};
  const fold = (s) => (s || '').normalize('NFKC').toLocaleLowerCase().replace(DROP, '')
    .replace(/[\u064a\u0649\u0643]/g, (c) => MAP[c]);
  const haystack = items.map((li) => {
    const summary = li.querySelector('.summary');
    return fold(li.querySelector('h3 a').textContent + '\n' + (summary ? summary.textContent : ''));
  });
  q.addEventListener('input', () => {
    const needle = fold(q.value.trim()), words = needle ? needle.split(/\s+/) : [];
    let shown = 0;
    items.forEach((li, i) => {
      const ok = words.every((w) => haystack[i].includes(w));
      li.hidden = !ok;
      if (ok) shown++;
    });
    sections.forEach((section) => {  // a section with no match left hides, heading and all
      section.hidden = !section.querySelector('li.map:not([hidden])');
    });
    status.textContent = needle ? `${shown} of ${items.length} maps match` : '';
  });
})();
