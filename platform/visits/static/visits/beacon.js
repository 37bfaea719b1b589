/* Counts this page view (visits.views.beacon): one request with the page, its language and
   the domain the visitor came from; no cookie, nothing kept in the browser. Configured by the
   data- attributes of its own <script> tag. Loaded only where views are not counted from the
   web server's log (CONG_VISITS_SOURCE = "beacon"); the footer's figures: counter.js. */
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
})();
