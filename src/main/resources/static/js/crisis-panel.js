// Shows the crisis panel the moment a critical answer is chosen, before and independent of
// submission: the panel is already in the page, so this works with the server unreachable.
// An input is critical when it carries data-critical="true" (a choice) or data-critical-above="N"
// (a number greater than N).
//
// The panel never takes focus: the person may still be choosing (an arrow key moves through a
// radio group and "selects" each option on the way). Instead it appears right after the question
// that raised it and a polite live region announces it; the panel's links are next in tab order.
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
  function announcer(panel) {
    var region = document.getElementById('crisis-announcer');
    if (!region) {
      region = document.createElement('p');
      region.id = 'crisis-announcer';
      region.className = 'visually-hidden';
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      panel.parentNode.insertBefore(region, panel);
    }
    return region;
  }
  function placeAfterQuestion(panel, trigger) {
    var question = trigger && trigger.closest ? trigger.closest('fieldset, .q-item') : null;
    if (question && question.nextElementSibling !== panel) {
      question.parentNode.insertBefore(panel, question.nextSibling);
    }
  }
  function refresh(form, trigger) {
    var panel = document.getElementById('crisis-panel');
    if (!panel) { return; }
    var region = announcer(panel);
    var inputs = form.querySelectorAll('[data-critical], [data-critical-above], select');
    var critical = Array.prototype.some.call(inputs, isCritical);
    if (critical && panel.hidden) {
      placeAfterQuestion(panel, trigger);
      panel.hidden = false;
      region.textContent = panel.dataset.announce || '';
    }
  }
  document.addEventListener('change', function (event) {
    var form = event.target.form;
    if (form) { refresh(form, event.target); }
  });
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.forms, function (form) { refresh(form, null); });
  });
}());
