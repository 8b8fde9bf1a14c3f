// Shows the crisis panel the moment a critical answer is chosen, before and independent of
// submission: the panel is already in the page, so this works with the server unreachable.
// An input is critical when it carries data-critical="true" (a choice) or data-critical-above="N"
// (a number greater than N).
(function () {
  'use strict';
  function isCritical(input) {
    if (input.dataset.critical === 'true') {
      return (input.type === 'radio' || input.type === 'checkbox') ? input.checked : input.value !== '';
    }
    if (input.dataset.criticalAbove !== undefined && input.value !== '') {
      return Number(input.value) > Number(input.dataset.criticalAbove);
    }
    if (input.tagName === 'SELECT') {
      var option = input.options[input.selectedIndex];
      return !!option && option.dataset.critical === 'true';
    }
    return false;
  }
  function refresh(form) {
    var panel = document.getElementById('crisis-panel');
    if (!panel) { return; }
    var inputs = form.querySelectorAll('[data-critical], [data-critical-above], select');
    var critical = Array.prototype.some.call(inputs, isCritical);
    if (critical && panel.hidden) {
      panel.hidden = false;
      panel.focus();
    }
  }
  document.addEventListener('change', function (event) {
    var form = event.target.form;
    if (form) { refresh(form); }
  });
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.forms, refresh);
  });
}());
