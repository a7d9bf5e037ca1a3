/*
 * Live room: chat and Q&A over a websocket. The server stores every message before it
 * broadcasts it; after a dropped connection we reconnect with ?after=<last id> and the
 * server sends what we missed. All user text is inserted as text, never as HTML.
 */
(function () {
  "use strict";

  var room = document.querySelector("[data-live-room]");
  if (!room) {
    return;
  }
  var labels = document.getElementById("live-room-labels").dataset;
  var isModerator = room.getAttribute("data-moderator") === "true";
  var statusEl = document.querySelector("[data-live-status]");
  var countEl = document.querySelector("[data-live-count]");
  var errorEl = room.querySelector("[data-live-error]");
  var lists = {
    chat: room.querySelector('[data-live-list="chat"]'),
    question: room.querySelector('[data-live-list="question"]')
  };
  var lastId = 0;
  var socket = null;
  var retryDelay = 1000;
  var refused = false;

  function button(text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button button--small button--secondary";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function send(payload) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(payload));
    }
  }

  function render(message) {
    var list = lists[message.kind];
    if (!list) {
      return;
    }
    var item = list.querySelector('[data-message-id="' + message.id + '"]');
    if (message.hidden && !isModerator) {
      if (item) {
        item.remove();
      }
      return;
    }
    if (!item) {
      item = document.createElement("li");
      item.setAttribute("data-message-id", message.id);
      list.appendChild(item);
      list.scrollTop = list.scrollHeight;
    }
    item.textContent = "";
    item.classList.toggle("is-highlighted", !!message.highlighted);
    item.classList.toggle("is-answered", !!message.answered);
    var author = document.createElement("strong");
    author.textContent = message.author + ": ";
    var text = document.createElement("span");
    text.className = "live-room__text";
    text.textContent = message.text;
    item.appendChild(author);
    item.appendChild(text);
    var flags = [];
    if (message.answered) { flags.push(labels.answered); }
    if (message.highlighted) { flags.push(labels.highlighted); }
    if (message.hidden) { flags.push(labels.hide); }
    if (flags.length) {
      var flag = document.createElement("em");
      flag.textContent = " (" + flags.join(", ") + ")";
      item.appendChild(flag);
    }
    var actions = document.createElement("div");
    actions.className = "live-room__actions";
    if (message.kind === "question") {
      var votes = document.createElement("span");
      votes.textContent = labels.votes + ": " + message.upvotes;
      actions.appendChild(votes);
      var up = button(labels.upvote, function () { send({ action: "upvote", id: message.id }); });
      up.setAttribute("aria-label", labels.upvote + ": " + message.text.slice(0, 60));
      actions.appendChild(up);
    }
    if (isModerator) {
      if (message.kind === "question") {
        actions.appendChild(button(labels.markAnswered, function () {
          send({ action: "moderate", id: message.id, operation: "answered", value: !message.answered });
        }));
      }
      actions.appendChild(button(labels.highlight, function () {
        send({ action: "moderate", id: message.id, operation: "highlight", value: !message.highlighted });
      }));
      actions.appendChild(button(labels.hide, function () {
        send({ action: "moderate", id: message.id, operation: "hide", value: true });
      }));
    }
    if (actions.childNodes.length) {
      item.appendChild(actions);
    }
    if (message.id > lastId) {
      lastId = message.id;
    }
  }

  function handle(data) {
    if (data.type === "welcome" || data.type === "history") {
      if (data.type === "welcome" && lastId === 0) {
        lists.chat.textContent = "";
        lists.question.textContent = "";
      }
      data.history.forEach(render);
      if (typeof data.count === "number") {
        countEl.textContent = data.count;
      }
      if (data.more) {
        // More was missed than one page holds: fetch the next page after the last one.
        send({ action: "sync", after: lastId });
      }
    } else if (data.type === "message" || data.type === "update") {
      render(data.message);
    } else if (data.type === "presence") {
      countEl.textContent = data.count;
    } else if (data.type === "error") {
      errorEl.textContent = data.message;
      if (data.text) {
        // Not stored: give the text back so that nothing typed is lost.
        var field = room.querySelector("[data-live-form] textarea");
        if (field && !field.value) {
          field.value = data.text;
        }
      }
    }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var url = scheme + window.location.host + room.getAttribute("data-websocket-path");
    if (lastId) {
      url += "?after=" + lastId;
    }
    socket = new WebSocket(url);
    socket.addEventListener("open", function () {
      statusEl.textContent = labels.connected;
      retryDelay = 1000;
      room.setAttribute("data-connected", "true");
    });
    socket.addEventListener("message", function (event) {
      handle(JSON.parse(event.data));
    });
    socket.addEventListener("close", function (event) {
      room.removeAttribute("data-connected");
      if (event.code === 4401 || event.code === 4403) {
        refused = true;
        statusEl.textContent = labels.closed;
        return;
      }
      statusEl.textContent = labels.reconnecting;
      if (!refused) {
        window.setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    });
  }

  Array.prototype.forEach.call(room.querySelectorAll("[data-live-form]"), function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var field = form.querySelector("textarea");
      var text = field.value.trim();
      if (!text) {
        return;
      }
      errorEl.textContent = "";
      send({ action: form.getAttribute("data-live-form"), text: text });
      field.value = "";
      field.focus();
    });
  });

  connect();
})();
