/* argmap site index: filter the list of maps by title; every word typed must appear in it (text only, no HTML). */
(function () {
  'use strict';
  var q = document.getElementById('q'), status = document.getElementById('status');
  var items = Array.prototype.slice.call(document.querySelectorAll('#maps > li.map'));
  function norm(s) { return (s || '').toLocaleLowerCase().normalize('NFKC'); }
  q.addEventListener('input', function () {
    var needle = norm(q.value.trim()), words = needle ? needle.split(/\s+/) : [], shown = 0;
    items.forEach(function (li) {
      var title = norm(li.querySelector('h2 a').textContent);
      var ok = words.every(function (w) { return title.indexOf(w) >= 0; });
      li.hidden = !ok;
      if (ok) shown++;
    });
    status.textContent = needle ? shown + ' of ' + items.length + ' maps match' : '';
  });
})();
