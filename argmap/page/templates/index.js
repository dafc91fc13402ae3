/* argmap site index: filter the list of maps by title and summary; every word typed must appear in
   one of them (text only, no HTML). Text is folded as on the map page's search: case, NFKC, the
   Persian zero-width non-joiner, Arabic yeh and kaf for the Persian letters, vowel marks, tatweel. */
(function () {
  'use strict';
  var q = document.getElementById('q'), status = document.getElementById('status');
  var items = Array.prototype.slice.call(document.querySelectorAll('#maps li.map'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('#maps > section'));
  var DROP = /[\u200c\u200d\u0640\u064b-\u065f\u0670]/g, MAP = {'\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9'};
  function fold(s) {
    return (s || '').normalize('NFKC').toLocaleLowerCase().replace(DROP, '')
      .replace(/[\u064a\u0649\u0643]/g, function (c) { return MAP[c]; });
  }
  var haystack = items.map(function (li) {
    var summary = li.querySelector('.summary');
    return fold(li.querySelector('h3 a').textContent + '\n' + (summary ? summary.textContent : ''));
  });
  q.addEventListener('input', function () {
    var needle = fold(q.value.trim()), words = needle ? needle.split(/\s+/) : [], shown = 0;
    items.forEach(function (li, i) {
      var ok = words.every(function (w) { return haystack[i].indexOf(w) >= 0; });
      li.hidden = !ok;
      if (ok) shown++;
    });
    sections.forEach(function (section) {  // a section with no match left hides, heading and all
      section.hidden = !section.querySelector('li.map:not([hidden])');
    });
    status.textContent = needle ? shown + ' of ' + items.length + ' maps match' : '';
  });
})();
