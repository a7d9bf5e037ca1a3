// Suggestions as you type for the header search (progressive enhancement).
// Without JavaScript the form simply submits; with it, a <datalist> offers completions
// of the last word from /suche/vorschlaege/ (public vocabulary only).
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  if (!list) return;
  var timer = null;
  var last = "";
  var controller = null;

  function fill(words) {
    list.textContent = "";
    words.forEach(function (word) {
      var option = document.createElement("option");
      option.value = word;
      list.appendChild(option);
    });
  }

  function ask() {
    var value = input.value;
    if (value === last) return;
    last = value;
    if (value.trim().length < 2) {
      fill([]);
      return;
    }
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var url = input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(value);
    fetch(url, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (input.value === value) fill(data.suggestions || []); })
      .catch(function () { /* offline or aborted: no suggestions, the form still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 150);
  });
})();
