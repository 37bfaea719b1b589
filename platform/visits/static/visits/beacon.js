/* Counts this page view (visits.views.beacon): one request with the page, its language and
   the domain the visitor came from; no cookie, nothing kept in the browser. Then fills in the
   footer's "Lượt truy cập" from /_v/counts (hidden when the portal turned it off, or without
   JavaScript). Configured by the data- attributes of its own <script> tag. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var data = script.dataset;
  var referrer = "";
  try { referrer = document.referrer ? new URL(document.referrer).origin : ""; } catch (e) { referrer = ""; }
  var query = "?p=" + encodeURIComponent(data.visitPage || "") +
    "&l=" + encodeURIComponent(data.visitLanguage || "") +
    "&u=" + encodeURIComponent(location.pathname) +
    "&r=" + encodeURIComponent(referrer);
  var url = data.visitEndpoint + query;
  var sent = false;
  if (navigator.sendBeacon) {
    try { sent = navigator.sendBeacon(url); } catch (e) { sent = false; }
  }
  if (!sent && window.fetch) {
    fetch(url, { method: "POST", credentials: "omit", keepalive: true }).catch(function () {});
  } else if (!sent) {
    new Image().src = url;
  }

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
