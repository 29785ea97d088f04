/* Design-system previews in the browser: ask the free preview (POST /api/preview) and paint its tokens onto
 * preview panes as the --ds-* custom properties designs/views/specimen.py writes on the server. Used by
 * the editor (editor.js) and the landing page (landing.js). Also: swatches copy their hex or CSS variable.
 * Every page that loads this works without it. */
(function () {
  "use strict";

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; }
    catch (error) { return ""; }
  }

  /* POST /api/preview; resolves to {ok, status, data, retryAfter} (a network failure is status 0). */
  function request(body) {
    return fetch("/api/preview", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { ok: response.ok, status: response.status, data: data,
                 retryAfter: parseInt(response.headers.get("Retry-After") || "0", 10) };
      });
    }, function () { return { ok: false, status: 0, data: {}, retryAfter: 0 }; });
  }

  /* [[name, value], ...]: the custom properties of a pane in `theme`, for the token sections in `sections`
   * (all when empty). The API answers in the token contract's order, which is the order used here. */
  function variables(tokens, theme, sections) {
    var has = function (section) { return tokens[section] && (!sections || sections.indexOf(section) !== -1); };
    var pairs = [];
    function each(object, prefix, pick) {
      Object.keys(object).forEach(function (key) { pairs.push(["--ds-" + prefix + key, pick ? pick(object[key]) : object[key]]); });
    }
    if (has("themes") && tokens.themes[theme]) {
      each(tokens.themes[theme], "");
      pairs.push(["color-scheme", theme]);
    }
    if (has("typography")) {
      var typography = tokens.typography;
      each(typography.families, "font-", function (family) { return family.stack; });
      each(typography.weights, "weight-", String);
      each(typography.scale.steps, "text-", function (step) { return step.clamp; });
      each(typography.line_heights, "leading-", String);
    }
    if (has("spacing")) each(tokens.spacing.scale, "space-");
    if (has("radii")) each(tokens.radii, "radius-");
    if (has("shadows")) each(tokens.shadows, "shadow-");
    return pairs;
  }

  function paint(element, tokens, theme, sections) {
    variables(tokens, theme, sections).forEach(function (pair) { element.style.setProperty(pair[0], pair[1]); });
  }

  /* Swatches: a click copies the hex or the CSS variable (the "Copy" choice) and says so to screen readers. */
  function wireSwatches() {
    var section = document.querySelector("[data-swatches]");
    var status = document.getElementById("copy-status");
    if (!section || !status) return;
    section.addEventListener("click", function (event) {
      var swatch = event.target.closest("[data-swatch], [data-role-swatch]");
      if (!swatch || !navigator.clipboard) return;
      var format = section.querySelector("input[name=copy-format]:checked");
      var asVariable = format && format.value === "variable";
      var text = asVariable ? "var(" + swatch.dataset.variable + ")" : swatch.dataset.hex;
      var what = swatch.dataset.role ? swatch.dataset.theme + " " + swatch.dataset.role
        : swatch.dataset.scale + " " + swatch.dataset.step;
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = "Copied " + text + " (" + what + ").";
        section.querySelectorAll(".is-copied").forEach(function (el) { el.classList.remove("is-copied"); });
        swatch.classList.add("is-copied");
      }, function () { status.textContent = "Copying was not allowed by the browser."; });
    });
  }

  window.DesignForgePreview = { request: request, variables: variables, paint: paint };
  document.addEventListener("DOMContentLoaded", wireSwatches);
})();
