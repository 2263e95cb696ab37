// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setUpMenu() {
    var toggle = document.querySelector(".menu-toggle");
    var nav = document.getElementById("site-nav");
    if (!toggle || !nav) return;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
    });
  }

  // One open <details class="menu"> at a time; Escape or a click elsewhere closes it.
  function setUpDropdowns() {
    var menus = document.querySelectorAll("details.menu");
    document.addEventListener("click", function (event) {
      menus.forEach(function (menu) {
        if (!menu.contains(event.target)) menu.removeAttribute("open");
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      menus.forEach(function (menu) { menu.removeAttribute("open"); });
    });
  }

  // A plain form with data-confirm (or an hx-confirm that htmx will not act
  // on, because htmx does not send that form) asks before it is sent.
  function sentByHtmx(form) {
    return ["hx-post", "hx-get", "hx-put", "hx-patch", "hx-delete"].some(function (name) {
      return form.hasAttribute(name);
    }) || !!form.closest("[hx-boost=true]");
  }

  function setUpConfirmations() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.getAttribute) return;
      var question = form.getAttribute("data-confirm") ||
        (!sentByHtmx(form) && form.getAttribute("hx-confirm"));
      if (question && !window.confirm(question)) event.preventDefault();
    }, true);
  }

  // A table wider than its box scrolls inside it (see ithaca.css); keyboard
  // users reach that scrolling only if the table can take focus.
  function markScrollingTables(root) {
    (root || document).querySelectorAll("main table").forEach(function (table) {
      if (table.scrollWidth > table.clientWidth + 1) {
        table.setAttribute("tabindex", "0");
      } else if (table.getAttribute("tabindex") === "0") {
        table.removeAttribute("tabindex");
      }
    });
  }

  // A tab bar wider than the screen scrolls sideways (see ithaca.css): centre the
  // current tab, so that a phone shows where you are and, with a tab cut at
  // either edge, that there is more on each side.
  function showCurrentTabs(root) {
    (root || document).querySelectorAll("ul.tabs").forEach(function (bar) {
      var current = bar.querySelector("[aria-current=page], [aria-selected=true]");
      if (!current || bar.scrollWidth <= bar.clientWidth + 1) return;
      var tab = current.getBoundingClientRect();
      var box = bar.getBoundingClientRect();
      bar.scrollLeft += tab.left - box.left - (box.width - tab.width) / 2;
    });
  }

  // "Show more" at the end of a console list: htmx replaces the control with the
  // next rows and the next control. Keyboard focus would fall back to the page's
  // top with the link gone, so it moves to the first new row.
  function setUpShowMore() {
    var before = null;
    document.body.addEventListener("htmx:beforeSwap", function (event) {
      var target = event.detail.target;
      before = target && target.classList.contains("more")
        ? { parent: target.parentNode, previous: target.previousElementSibling }
        : null;
    });
    document.body.addEventListener("htmx:afterSettle", function () {
      if (!before) return;
      var first = before.previous ? before.previous.nextElementSibling : before.parent.firstElementChild;
      before = null;
      if (!first) return;
      first.setAttribute("tabindex", "-1");
      first.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpMenu();
    setUpShowMore();
    setUpDropdowns();
    setUpConfirmations();
    markScrollingTables();
    // Filters are a side panel on a wide screen (open) and a sheet on a phone (closed).
    if (window.matchMedia("(min-width: 960px)").matches) {
      document.querySelectorAll("details.filters").forEach(function (d) { d.open = true; });
    }
    window.addEventListener("resize", function () { markScrollingTables(); });
    showCurrentTabs();
    document.body.addEventListener("htmx:afterSettle", function () {
      markScrollingTables();
      showCurrentTabs();
    });
  });
})();
