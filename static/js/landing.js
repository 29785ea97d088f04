/* The landing page's live sample (designs/_live_sample.html): a brand colour or an example brief redraws
 * the sample page through the free preview. Without this file the same form answers with a new page. */
(function () {
  "use strict";

  var P = window.DesignForgePreview;
  var section = document.querySelector("[data-live-sample]");
  if (!P || !section) return;
  var brand = section.querySelector("#try-brand");
  var status = section.querySelector("[data-live-status]");
  var base = JSON.parse(section.dataset.intent);
  var HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;
  var seq = 0, timer = null;

  function show(intent, said) {
    var mine = ++seq;
    P.request({ intent: intent }).then(function (result) {
      if (mine !== seq) return;
      if (!result.ok) {
        status.textContent = result.status === 429
          ? "That was a lot of colours in a minute: try again in " + Math.max(result.retryAfter, 1) + " s."
          : "The sample could not be redrawn just now.";
        return;
      }
      section.querySelectorAll(".preview[data-preview]").forEach(function (pane) {
        P.paint(pane, result.data.tokens, pane.dataset.preview);
      });
      var failing = result.data.report.contrast.filter(function (row) { return !row.passes; }).length;
      status.textContent = said + (failing ? "" : " All " + result.data.report.contrast.length + " contrast checks pass.");
    });
  }

  brand.addEventListener("input", function () {
    var value = brand.value.trim();
    if (!HEX.test(value)) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      var primary = value.charAt(0) === "#" ? value : "#" + value;
      show(Object.assign({}, base, { primary: primary, secondary: null, accent: null }), "Redrawn with " + primary + ".");
    }, 120);
  });

  section.querySelectorAll("[data-example-intent]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      base = JSON.parse(button.dataset.exampleIntent);
      section.querySelectorAll("[data-example-intent]").forEach(function (other) {
        other.classList.toggle("is-current", other === button);
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
      brand.value = base.primary;
      var picker = section.querySelector("[data-picker-for=try-brand]");
      if (picker) picker.value = base.primary;
      show(base, "Redrawn for " + button.textContent.trim() + ".");
    });
  });
})();
