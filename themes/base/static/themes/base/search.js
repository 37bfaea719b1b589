/* Search suggestions as the visitor types (the search page's autocomplete). A static file,
   not an inline script: public pages' Content-Security-Policy allows no inline script. */
(function () {
  var input = document.getElementById("search-q"), list = document.getElementById("search-suggestions");
  if (!input || !window.fetch) return;
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    if (input.value.trim().length < 2) return;
    timer = setTimeout(function () {
      var scope = document.querySelector("input[name='pham-vi']:checked");
      var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(input.value) + (scope && scope.value ? "&pham-vi=" + scope.value : "");
      fetch(url).then(function (r) { return r.json(); }).then(function (data) {
        list.replaceChildren.apply(list, data.suggestions.map(function (s) {
          var option = document.createElement("option"); option.value = s.title; return option;
        }));
      });
    }, 200);
  });
})();
