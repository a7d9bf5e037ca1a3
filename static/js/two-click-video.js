/*
 * Two-click video (Zwei-Klick-Lösung): the page carries only the address of the video.
 * This script reveals the "Video laden" button; the iframe, and with it the first request
 * to the video host, is created only when the visitor clicks it. The iframe shows our own
 * frame page, whose Content-Security-Policy is the only one that names the video host.
 */
(function () {
  "use strict";

  function load(figure) {
    var url = figure.getAttribute("data-embed-url");
    // Our own frame page (/video/?v=…); only its response allows the video host.
    if (!url || !/^\/[^\/]/.test(url)) {
      return;
    }
    var frame = document.createElement("iframe");
    frame.src = url;
    frame.title = figure.getAttribute("data-video-title") || "Video";
    frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.className = "two-click-video__frame";
    var placeholder = figure.querySelector(".two-click-video__placeholder");
    if (placeholder) {
      placeholder.remove();
    }
    figure.appendChild(frame);
    figure.classList.add("two-click-video--loaded");
    frame.focus();
  }

  function enhance(figure) {
    var button = figure.querySelector("[data-two-click-load]");
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      load(figure);
    });
  }

  function init() {
    var figures = document.querySelectorAll("[data-two-click-video]");
    for (var i = 0; i < figures.length; i++) {
      enhance(figures[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
