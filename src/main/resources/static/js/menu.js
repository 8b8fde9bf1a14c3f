// The signed-in menu is a <details> element: closed on a phone (one "Menu" button instead of a
// screenful of links), always open on wider screens where the summary is hidden.
(function () {
  var wide = window.matchMedia('(min-width: 48rem)');
  function sync() {
    document.querySelectorAll('details.menu').forEach(function (menu) { menu.open = wide.matches; });
  }
  document.addEventListener('DOMContentLoaded', sync);
  wide.addEventListener('change', sync);
})();
