/*
 * Forum enhancements; every page works without them.
 *
 * - Drafts: what is typed into a post form is kept in localStorage until it was sent
 *   successfully, so a closed tab or a failed submit loses nothing.
 * - Live updates: a thread page listens on /ws/forum/thema/<id>/ and loads new or changed
 *   posts as HTML from the server (which decides what this viewer may see).
 * - @-mentions: typing "@Na" offers matching members; choosing one inserts their handle.
 */
(function () {
  "use strict";

  var DRAFT_PREFIX = "stadtlabor-entwurf:";
  var SUBMITTED = "stadtlabor-entwurf-gesendet";

  function storage(kind) {
    try {
      return window[kind];
    } catch (error) {
      return null;
    }
  }

  // --- drafts ---------------------------------------------------------------------------
  var local = storage("localStorage");
  var session = storage("sessionStorage");
  var hasErrors = document.querySelector(".form-errors, .errorlist") !== null;
  if (session && local) {
    var submitted = session.getItem(SUBMITTED);
    if (submitted && !hasErrors) {
      local.removeItem(submitted);
    }
    session.removeItem(SUBMITTED);
  }
  document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
    var area = form.querySelector("textarea");
    if (!area || !local) {
      return;
    }
    var key = DRAFT_PREFIX + form.getAttribute("data-draft-key");
    var saved = local.getItem(key);
    if (saved && !area.value.trim()) {
      area.value = saved;
    }
    area.addEventListener("input", function () {
      if (area.value.trim()) {
        local.setItem(key, area.value);
      } else {
        local.removeItem(key);
      }
    });
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (session && !(submitter && submitter.name === "preview")) {
        session.setItem(SUBMITTED, key);
      }
    });
  });

  // --- live updates -----------------------------------------------------------------------
  var box = document.querySelector("[data-forum-thread]");
  if (box && window.WebSocket && !box.hasAttribute("data-not-last-page")) {
    var list = box.querySelector("[data-post-list]");
    var status = box.querySelector("[data-live-status]");
    var lastId = parseInt(box.getAttribute("data-last-post") || "0", 10) || 0;
    var postsUrl = box.getAttribute("data-posts-url");
    var delay = 1000;

    var insert = function (html, replaceId) {
      var template = document.createElement("template");
      template.innerHTML = html;
      template.content.querySelectorAll("[data-post-id]").forEach(function (article) {
        var id = parseInt(article.getAttribute("data-post-id"), 10);
        var existing = list.querySelector('[data-post-id="' + id + '"]');
        if (existing) {
          existing.replaceWith(article);
        } else if (!replaceId) {
          var item = document.createElement("li");
          item.appendChild(article);
          list.appendChild(item);
          if (status) {
            status.textContent = box.getAttribute("data-new-label") || "Neuer Beitrag";
          }
        }
        lastId = Math.max(lastId, id);
      });
      var empty = box.querySelector("[data-no-comments]");
      if (empty && list.children.length) {
        empty.remove();
      }
    };

    var load = function (query, replaceId) {
      fetch(postsUrl + query, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          return response.ok ? response.text() : "";
        })
        .then(function (html) {
          if (html) {
            insert(html, replaceId);
          }
        });
    };

    var connect = function () {
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      var threadId = box.getAttribute("data-forum-thread");
      var socket = new WebSocket(scheme + window.location.host + "/ws/forum/thema/" + threadId + "/");
      socket.addEventListener("open", function () {
        delay = 1000;
        box.setAttribute("data-connected", "");
        load("?nach=" + lastId); // whatever arrived while we were away
      });
      socket.addEventListener("message", function (event) {
        var data;
        try {
          data = JSON.parse(event.data);
        } catch (error) {
          return;
        }
        if (data.event === "reply") {
          load("?nach=" + lastId);
        } else if (data.event === "update") {
          load("?beitrag=" + data.post, data.post);
        }
      });
      socket.addEventListener("close", function (event) {
        box.removeAttribute("data-connected");
        if (event.code >= 4400 && event.code < 4500) {
          return;
        }
        window.setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30000);
      });
    };
    connect();
  }

  // --- @-mentions -------------------------------------------------------------------------
  document.querySelectorAll("textarea[data-mentions]").forEach(function (area) {
    var form = area.form;
    var panel = form && form.querySelector("[data-mention-list]");
    if (!panel) {
      return;
    }
    panel.setAttribute("aria-live", "polite");
    var threadId = form.getAttribute("data-mention-thread") || "";
    var timer = null;

    var currentWord = function () {
      var before = area.value.slice(0, area.selectionStart);
      var match = /(^|\s)@([^\s@]{2,40})$/.exec(before);
      return match ? match[2] : null;
    };

    var choose = function (handle) {
      var caret = area.selectionStart;
      var before = area.value.slice(0, caret).replace(/@[^\s@]{2,40}$/, handle + " ");
      area.value = before + area.value.slice(caret);
      area.focus();
      area.selectionStart = area.selectionEnd = before.length;
      panel.hidden = true;
      panel.textContent = "";
      area.dispatchEvent(new Event("input"));
    };

    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      var word = currentWord();
      if (!word) {
        panel.hidden = true;
        return;
      }
      timer = window.setTimeout(function () {
        fetch("/forum/erwaehnen/?q=" + encodeURIComponent(word) + "&thema=" + threadId, {
          credentials: "same-origin",
        })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            panel.textContent = "";
            if (!data.results.length) {
              panel.hidden = true;
              return;
            }
            var label = document.createElement("p");
            label.className = "meta";
            label.textContent = panel.getAttribute("data-mention-label") || "Mitglied erwähnen:";
            panel.appendChild(label);
            data.results.forEach(function (person) {
              var button = document.createElement("button");
              button.type = "button";
              button.className = "button button--secondary button--small";
              button.textContent = person.name;
              button.addEventListener("click", function () {
                choose(person.handle);
              });
              panel.appendChild(button);
            });
            panel.hidden = false;
          });
      }, 200);
    });
  });
})();
