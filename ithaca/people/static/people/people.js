// Offers the browser's time zone beside a time-zone select, when it differs.
(function () {
  function offer(root) {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!zone) return;
    root.querySelectorAll("[data-browser-zone]").forEach(function (box) {
      var select = box.parentElement.querySelector("select[name$='time_zone']");
      if (!select || select.value === zone) return;
      if (!Array.prototype.some.call(select.options, function (o) { return o.value === zone; })) return;
      box.querySelector("span").textContent = zone.replace(/_/g, " ");
      box.hidden = false;
      box.querySelector("button").addEventListener("click", function () {
        select.value = zone;
        box.hidden = true;
        select.focus();
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { offer(document); });
  document.addEventListener("htmx:load", function (event) { offer(event.target); });
})();
