/* The main navigation is a <details> that is open in the HTML, so it works without
   JavaScript. On narrow screens it starts closed (one tap on "Danh mục" opens it); on wide
   screens it is a bar and always open. */
(function () {
  "use strict";
  var toggle = document.querySelector(".main-nav .nav-toggle");
  if (!toggle || !window.matchMedia) { return; }
  var wide = window.matchMedia("(min-width: 48rem)");
  function apply() { toggle.open = wide.matches; }
  apply();
  if (wide.addEventListener) { wide.addEventListener("change", apply); }
  else if (wide.addListener) { wide.addListener(apply); }
})();

/* Buttons marked data-print print the page (the printable article). */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();

/* A form sent back with errors: its summary takes focus so it is read first, and each of its
   links puts focus in the field it names (the GOV.UK error summary). */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) { return; }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    var target = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    event.preventDefault();
    var label = document.querySelector("label[for='" + target.id + "']") || target.closest("fieldset");
    (label || target).scrollIntoView();
    target.focus({ preventScroll: true });
  });
})();

/* The copy-link button of the share links (hidden without JavaScript or a clipboard), and
   the print date at the foot of a printed page (a kept page may have been rendered earlier). */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-copy-link]");
  for (var i = 0; i < buttons.length; i++) {
    var button = buttons[i];
    if (!navigator.clipboard) { continue; }
    button.hidden = false;
    button.addEventListener("click", function (event) {
      var target = event.currentTarget;
      navigator.clipboard.writeText(target.getAttribute("data-copy-link")).then(function () {
        target.textContent = target.getAttribute("data-copied");
      });
    });
  }
  var printDate = document.querySelector("[data-print-date]");
  if (printDate) {
    var today = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    printDate.textContent = pad(today.getDate()) + "/" + pad(today.getMonth() + 1) + "/" + today.getFullYear();
  }
})();
