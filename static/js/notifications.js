/*
 * The bell's unread count, kept current over the personal notification websocket.
 * Without JavaScript the count is correct at every page load.
 */
(function () {
  "use strict";

  var counter = document.querySelector("[data-unread-count]");
  if (!counter || !window.WebSocket) {
    return;
  }
  var bell = document.querySelector("[data-notification-bell]");
  var delay = 1000;

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + "/ws/benachrichtigungen/");
    socket.addEventListener("open", function () {
      delay = 1000;
      if (bell) {
        bell.setAttribute("data-connected", "");
      }
    });
    socket.addEventListener("message", function (event) {
      var data;
      try {
        data = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if (typeof data.unread === "number") {
        counter.textContent = String(data.unread);
      }
    });
    socket.addEventListener("close", function (event) {
      if (bell) {
        bell.removeAttribute("data-connected");
      }
      if (event.code === 4401 || event.code === 4403) {
        return;
      }
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }

  connect();
})();
