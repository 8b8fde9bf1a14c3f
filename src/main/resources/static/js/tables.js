// Tables that do not fit the screen (a phone at 360 px) become stacked cards: each row a card,
// each cell labelled with its column header, so nothing scrolls sideways. Only tables that are
// actually too wide change; the table keeps its table roles for screen readers (explicit ARIA
// roles, because some browsers drop them when a table's display changes).
(function () {
  'use strict';
  function label(table) {
    var headers = [];
    var head = table.tHead && table.tHead.rows[0];
    if (head) {
      Array.prototype.forEach.call(head.cells, function (cell) {
        for (var i = 0; i < (cell.colSpan || 1); i++) { headers.push(cell.textContent.trim()); }
      });
    }
    table.setAttribute('role', 'table');
    Array.prototype.forEach.call(table.querySelectorAll('thead, tbody, tfoot'), function (g) { g.setAttribute('role', 'rowgroup'); });
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute('role', 'row');
      var col = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        var inHead = row.parentNode && row.parentNode.tagName === 'THEAD';
        cell.setAttribute('role', inHead ? 'columnheader' : (cell.tagName === 'TH' ? 'rowheader' : 'cell'));
        if (!inHead && headers[col] && !cell.hasAttribute('data-label')) { cell.setAttribute('data-label', headers[col]); }
        col += cell.colSpan || 1;
      });
    });
  }
  function fit() {
    Array.prototype.forEach.call(document.querySelectorAll('main table'), function (table) {
      table.classList.remove('stacked');
      var room = table.parentElement.clientWidth;
      if (table.scrollWidth > room + 1) {
        label(table);
        table.classList.add('stacked');
      }
    });
  }
  document.addEventListener('DOMContentLoaded', fit);
  window.addEventListener('resize', fit);
  document.addEventListener('htmx:afterSettle', fit);
})();
