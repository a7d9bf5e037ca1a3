/*
 * Stadtlabor – progressive enhancement only; every page works without this file.
 *
 * data-confirm="Frage?" on a <form> or a submit button asks before submitting
 * (e.g. "Anmeldung wirklich stornieren?"). Without JavaScript the form submits directly,
 * so the server must never rely on the confirmation.
 */
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var question =
      (submitter && submitter.getAttribute("data-confirm")) ||
      (form && form.getAttribute && form.getAttribute("data-confirm"));
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-confirm]");
    if (link && !window.confirm(link.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  // Phones: the header menu folds behind "Menü" (without JavaScript it simply stays open).
  var toggle = document.querySelector("[data-menu-toggle]");
  var menu = document.getElementById("site-menu");
  if (toggle && menu) {
    toggle.hidden = false;
    document.documentElement.classList.add("has-menu-toggle");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    });
  }

  // Library filters and map: open on wide screens, folded on phones.
  var wide = window.matchMedia && window.matchMedia("(min-width: 60em)");
  var filters = document.querySelectorAll(".library-filters__details, .library-map__details");
  for (var i = 0; i < filters.length; i++) {
    if (wide && wide.matches) {
      filters[i].open = true;
    }
  }
})();
