/* Fills in the footer's "Lượt truy cập" from /_v/counts (hidden when the portal turned it
   off, or without JavaScript). Configured by the data- attributes of its own <script> tag. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var data = script.dataset;

  function fill() {
    var counter = document.querySelector("[data-visit-counter]");
    if (!counter || !window.fetch) { return; }
    fetch(data.visitCounts, { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (counts) {
        if (!counts || !counts.shown) { return; }
        var format = window.Intl ? new Intl.NumberFormat("vi-VN") : { format: String };
        ["today", "month", "total"].forEach(function (name) {
          var slot = counter.querySelector("[data-visit-" + name + "]");
          if (slot) { slot.textContent = format.format(counts[name] || 0); }
        });
        counter.hidden = false;
      })
      .catch(function () {});
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fill);
  } else {
    fill();
  }
})();
