/* The portal's external analytics, configured in its settings (visits.VisitSettings) and
   given here as data- attributes: the national EMC monitoring code (Circular 22/2023) and,
   if the province runs one, Matomo. Loaded only on public pages; the page's CSP allows
   exactly these origins. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var data = script.dataset;
  function load(src) {
    var tag = document.createElement("script");
    tag.async = true;
    tag.src = src;
    document.head.appendChild(tag);
  }
  if (data.emcUrl && data.emcSite) {
    var govaq = window._govaq = window._govaq || [];
    govaq.push(["trackPageView"]);
    govaq.push(["enableLinkTracking"]);
    govaq.push(["setTrackerUrl", data.emcUrl + "/tracking"]);
    govaq.push(["setSiteId", data.emcSite]);
    load(data.emcUrl + "/embed/gov-tracking.min.js");
  }
  if (data.matomoUrl && data.matomoSite) {
    var paq = window._paq = window._paq || [];
    paq.push(["disableCookies"]);
    paq.push(["trackPageView"]);
    paq.push(["enableLinkTracking"]);
    paq.push(["setTrackerUrl", data.matomoUrl + "matomo.php"]);
    paq.push(["setSiteId", data.matomoSite]);
    load(data.matomoUrl + "matomo.js");
  }
})();
