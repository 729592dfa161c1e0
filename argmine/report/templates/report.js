// Small, dependency-free behaviour: unit filters with counts, and highlighting an actor's mentions.
(function () {
  "use strict";
  var units = document.querySelectorAll(".text .unit");
  var counts = {};
  units.forEach(function (u) { counts[u.dataset.label] = (counts[u.dataset.label] || 0) + 1; });
  document.querySelectorAll("[data-count]").forEach(function (el) {
    el.textContent = "(" + (counts[el.dataset.count] || 0) + ")";
  });
  document.querySelectorAll("#filters input[data-label]").forEach(function (box) {
    box.addEventListener("change", function () {
      units.forEach(function (u) {
        if (u.dataset.label === box.dataset.label) { u.classList.toggle("hidden", !box.checked); }
      });
    });
  });
  document.querySelectorAll("button.actor-name").forEach(function (button) {
    button.addEventListener("click", function () {
      var article = button.closest("article");
      var on = !button.classList.contains("on");
      button.classList.toggle("on", on);
      article.querySelectorAll('mark.actor[data-actor="' + button.dataset.actor + '"]').forEach(function (m) {
        m.classList.toggle("on", on);
      });
    });
  });
  document.body.dataset.ready = "1";
})();
