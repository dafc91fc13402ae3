/* argmap site index: filter the list of maps by title (text comparison only, no HTML). */
(function () {
  'use strict';
  var q = document.getElementById('q'), status = document.getElementById('status');
  var items = Array.prototype.slice.call(document.querySelectorAll('#maps > li.map'));
  function norm(s) { return (s || '').toLocaleLowerCase().normalize('NFKC'); }
  q.addEventListener('input', function () {
    var needle = norm(q.value.trim()), shown = 0;
    items.forEach(function (li) {
      var a = li.querySelector('h2 a'), ok = !needle || norm(a.textContent).indexOf(needle) >= 0;
      li.hidden = !ok;
      if (ok) shown++;
    });
    status.textContent = needle ? shown + ' of ' + items.length + ' maps match' : '';
  });
})();
