// After a submit the server rejected, focus goes to the error summary (the first role="alert"
// error box), so keyboard and screen-reader users hear what went wrong instead of starting again
// at the top of the page. The summary links or names the fields that need attention.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var summary = document.querySelector('main .alert.error[role="alert"]');
  if (!summary) { return; }
  if (!summary.hasAttribute('tabindex')) { summary.setAttribute('tabindex', '-1'); }
  summary.focus();
});
