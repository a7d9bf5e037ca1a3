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
})();
