/* The main navigation on phones: the "Danh mục" button (shown by the stylesheet once the
   page is marked scripted) opens and closes the menu; Escape closes it and puts focus back
   on the button. On wide screens the button is hidden and the menu is a bar. */
(function () {
  "use strict";
  var nav = document.querySelector(".main-nav");
  var button = nav && nav.querySelector(".nav-button");
  if (!button) { return; }
  function set(open) {
    nav.classList.toggle("is-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && nav.classList.contains("is-open")) {
      set(false);
      button.focus();
    }
  });
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
