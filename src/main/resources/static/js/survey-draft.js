// Anonymous surveys keep drafts in this browser tab only (sessionStorage), never on the server.
// A form with data-session-draft="<key>" is restored on load and saved on every change; the
// confirmation page (data-clear-draft="<key>") removes the draft once the answers were received.
(function () {
  'use strict';
  function save(form, key) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === 'hidden' || el.type === 'submit') { return; }
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) { return; }
      data[el.name] = el.value;
    });
    try { sessionStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full or disabled */ }
  }
  function restore(form, key) {
    var raw;
    try { raw = sessionStorage.getItem(key); } catch (e) { return; }
    if (!raw) { return; }
    var data;
    try { data = JSON.parse(raw); } catch (e) { return; }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !Object.prototype.hasOwnProperty.call(data, el.name) || el.type === 'hidden') { return; }
      if (el.type === 'radio' || el.type === 'checkbox') {
        // Only fill what the server did not already render (a re-shown form keeps the server's values).
        var group = form.querySelectorAll('input[name="' + el.name + '"]:checked');
        if (group.length === 0 && el.value === data[el.name]) { el.checked = true; el.dispatchEvent(new Event('change', {bubbles: true})); }
      } else if (!el.value) {
        el.value = data[el.name];
      }
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form[data-session-draft]');
    if (form) {
      var key = form.getAttribute('data-session-draft');
      restore(form, key);
      form.addEventListener('change', function () { save(form, key); });
      form.addEventListener('input', function () { save(form, key); });
    }
    var done = document.querySelector('[data-clear-draft]');
    if (done) {
      try { sessionStorage.removeItem(done.getAttribute('data-clear-draft')); } catch (e) { /* ignore */ }
    }
  });
})();
