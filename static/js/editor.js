/* The design-system editor (designs/detail.html, the owner's page). Every change to the form previews the
 * intent through the free POST /api/preview and repaints the page in place: the product preview, the
 * contrast status, swatches, the report, type and spacing; then the four variations (variant 1-4 with
 * the locks). Taking a variation fills the form with it. Save posts the form (free); leaving with unsaved
 * changes asks first. Without this file the same form posts to the page, which previews and saves. */
(function () {
  "use strict";

  var P = window.DesignForgePreview;
  var root = document.querySelector("[data-editor]");
  var form = root && root.querySelector("[data-editor-form]");
  if (!P || !form) return;

  var FIELDS = ["primary", "secondary", "accent", "harmony", "vibrancy", "neutral", "font_pairing", "type_scale",
                "base_size", "density", "roundness", "shadow_depth"];
  var COLOURS = { primary: true, secondary: true, accent: true };
  var HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;
  var sections = (root.dataset.sections || "").split(" ").filter(Boolean);
  var saved = JSON.parse(root.dataset.savedIntent || "null");
  var swatches = document.querySelector("[data-swatches]");
  var roleUses = swatches ? JSON.parse(swatches.dataset.roleUses || "{}") : {};
  var message = document.querySelector("[data-preview-message]");
  var previewSeq = 0, variationSeq = 0, previewTimer = null, variationTimer = null, retryTimer = null;
  var submitting = false;

  /* ---- reading and writing the form ---- */

  function expand(hex) {
    var digits = hex.replace("#", "").toLowerCase();
    if (digits.length === 3) digits = digits.replace(/(.)/g, "$1$1");
    return "#" + digits;
  }

  function label(name) {
    var el = form.querySelector("label[for=id_" + name + "]");
    return el ? el.textContent.trim() : name.replace("_", " ");
  }

  /* {intent, problems}: the form's intent, and the colour fields that are not (yet) colours. */
  function readIntent() {
    var intent = {}, problems = [];
    FIELDS.forEach(function (name) {
      var value = form.elements[name].value;
      if (COLOURS[name]) {
        value = value.trim();
        if (!value) {
          if (name === "primary") problems.push(name); else intent[name] = null;
        } else if (!HEX.test(value)) {
          problems.push(name);
        } else {
          intent[name] = expand(value);
        }
      } else if (name === "base_size") {
        intent[name] = parseInt(value, 10);
      } else if (["vibrancy", "type_scale", "roundness", "shadow_depth"].indexOf(name) !== -1) {
        intent[name] = parseFloat(value);
      } else {
        intent[name] = value;
      }
    });
    return { intent: intent, problems: problems };
  }

  function locks() {
    return Array.prototype.map.call(form.querySelectorAll("input[name=locks]:checked"), function (el) { return el.value; });
  }

  function showValue(input) {
    var output = form.querySelector("[data-output-for=" + input.id + "]");
    if (output) output.textContent = input.value;
  }

  function writeIntent(intent) {
    FIELDS.forEach(function (name) {
      var value = intent[name];
      var element = form.elements[name];
      if (name === "font_pairing") {
        var radio = form.querySelector("input[name=font_pairing][value='" + value + "']");
        if (radio) radio.checked = true;
        return;
      }
      if (name === "type_scale" && !Array.prototype.some.call(element.options, function (o) { return parseFloat(o.value) === value; })) {
        element.add(new Option(value + " · your own", String(value)));
      }
      if (name === "type_scale") {
        Array.prototype.forEach.call(element.options, function (o) { o.selected = parseFloat(o.value) === value; });
      } else {
        element.value = value === null ? "" : String(value);
      }
      if (COLOURS[name]) syncPicker(element);
      if (element.type === "range") showValue(element);
    });
  }

  /* ---- field errors: the message beside the field, aria-invalid and aria-describedby ---- */

  function errorHolder(name) {
    return form.querySelector("[data-control=" + name + "]") || form.querySelector(".pairing-control");
  }

  function showError(name, text) {
    var holder = errorHolder(name);
    var input = form.elements[name];
    if (!holder || !input || !input.setAttribute) return;
    var id = "error-" + name;
    var error = document.getElementById(id);
    if (!error) {
      error = document.createElement("p");
      error.className = "field-error";
      error.id = id;
      holder.appendChild(error);
    }
    error.textContent = text;
    input.setAttribute("aria-invalid", "true");
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (described.indexOf(id) === -1) input.setAttribute("aria-describedby", described.concat(id).join(" "));
  }

  function clearError(name) {
    var error = document.getElementById("error-" + name);
    var input = form.elements[name];
    if (error) error.remove();
    if (input && input.removeAttribute) {
      input.removeAttribute("aria-invalid");
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== "error-" + name; });
      if (described.length) input.setAttribute("aria-describedby", described.join(" "));
      else input.removeAttribute("aria-describedby");
    }
  }

  function colourProblem(name) {
    return label(name) + (name === "primary" && !form.elements[name].value.trim()
      ? " is needed: every design system starts from a brand colour."
      : " must be a colour written #RRGGBB (or #RGB), like #2563eb.");
  }

  /* ---- unsaved changes ---- */

  function key(intent) { return JSON.stringify(FIELDS.map(function (name) { return intent[name]; })); }

  function updateDirty(read) {
    var dirty = read.problems.length > 0 || !saved || key(read.intent) !== key(saved);
    var state = form.querySelector("[data-save-state]");
    var discard = form.querySelector("[data-discard]");
    if (dirty === root.hasAttribute("data-dirty")) return;
    root.toggleAttribute("data-dirty", dirty);
    if (state) state.textContent = dirty ? "Unsaved changes" : "All changes saved";
    if (discard) discard.hidden = !dirty;
  }

  window.addEventListener("beforeunload", function (event) {
    if (submitting || !root.hasAttribute("data-dirty")) return;
    event.preventDefault();
    event.returnValue = "";
  });

  /* ---- painting a preview's tokens and report onto the page ---- */

  function kept(tokens) {
    var result = {};
    Object.keys(tokens).forEach(function (section) { if (sections.indexOf(section) !== -1) result[section] = tokens[section]; });
    return result;
  }

  function ratio(first, second) { return window.culori.wcagContrast(first, second); }
  function oneDecimal(value) { return (Math.round(value * 10) / 10).toFixed(1); }
  function setText(el, text) { if (el && el.textContent !== text) el.textContent = text; }

  function badge(passes, text) {
    var span = document.createElement("span");
    span.className = "badge " + (passes ? "pass" : "fail");
    span.textContent = text;
    return span;
  }

  function paintStatus(report) {
    var rows = report.contrast, failing = rows.filter(function (row) { return !row.passes; }).length;
    var summary = root.querySelector("[data-status-summary]");
    var text = failing ? failing + " of " + rows.length + " contrast checks fail" : "All " + rows.length + " contrast checks pass";
    if (summary && summary.textContent.trim() !== text) summary.replaceChildren(badge(!failing, text));
    var header = document.querySelector("[data-status-badge]");
    if (header) {
      header.className = "badge " + (failing ? "fail" : "pass");
      setText(header, failing ? failing + " contrast check" + (failing === 1 ? " fails" : "s fail") : "All contrast checks pass");
    }
    var warnings = root.querySelector("[data-status-warnings]");
    if (warnings) warnings.replaceChildren.apply(warnings, report.warnings.map(function (warning) {
      var item = document.createElement("li");
      item.textContent = warning.message;
      return item;
    }));
    var brand = root.querySelector("[data-status-brand]");
    if (brand) brand.replaceChildren.apply(brand, report.brand.map(function (entry) {
      var item = document.createElement("li");
      var name = document.createElement("strong");
      name.textContent = entry.role.charAt(0).toUpperCase() + entry.role.slice(1);
      item.append(name, ": light " + (entry.light.step || "—") + " " + entry.light.color + ", dark " +
                  (entry.dark.step || "—") + " " + entry.dark.color + ". " + (entry.dark.note || ""));
      return item;
    }));
    var byKey = {};
    rows.forEach(function (row) { byKey[row.theme + ":" + row.foreground + ":" + row.background] = row; });
    document.querySelectorAll("[data-row]").forEach(function (tr) {
      var row = byKey[tr.dataset.row];
      if (!row) return;
      setText(tr.querySelector("[data-ratio]"), row.ratio.toFixed(2) + ":1");
      var result = tr.querySelector("[data-result]");
      if (result.textContent.trim() !== (row.passes ? "Pass" : "Fail")) result.replaceChildren(badge(row.passes, row.passes ? "Pass" : "Fail"));
    });
  }

  function usesOf(themes, hex) {
    return ["light", "dark"].map(function (theme) {
      var roles = Object.keys(themes[theme] || {}).filter(function (role) { return themes[theme][role] === hex; });
      return roles.length ? theme.charAt(0).toUpperCase() + theme.slice(1) + ": " +
        roles.map(function (role) { return roleUses[role] || role; }).join(", ") : "";
    }).filter(Boolean).join("; ");
  }

  function paintColours(tokens) {
    var themes = tokens.themes, page = themes.light.background;
    var uses = {};
    document.querySelectorAll("[data-swatch]").forEach(function (swatch) {
      var scale = swatch.dataset.scale, step = swatch.dataset.step, hex = tokens.colors[scale][step];
      var onWhite = ratio("#ffffff", hex), onBlack = ratio("#000000", hex);
      swatch.dataset.hex = hex;
      swatch.style.background = hex;
      swatch.style.color = onWhite >= onBlack ? "#ffffff" : "#000000";
      setText(swatch.querySelector("[data-hex-text]"), hex);
      setText(swatch.querySelector("[data-ratio-text]"), "Aa " + oneDecimal(Math.max(onWhite, onBlack)));
      setText(swatch.querySelector("[data-page-text]"), "◻ " + oneDecimal(ratio(hex, page)));
      var used = usesOf(themes, hex);
      if (used) (uses[scale] = uses[scale] || []).push([step, used]);
    });
    document.querySelectorAll("[data-uses]").forEach(function (line) {
      line.replaceChildren.apply(line, (uses[line.dataset.uses] || []).map(function (entry) {
        var span = document.createElement("span"), step = document.createElement("strong");
        step.textContent = entry[0];
        span.append(step, " " + entry[1]);
        return span;
      }));
    });
    document.querySelectorAll("[data-role-swatch]").forEach(function (button) {
      var hex = themes[button.dataset.theme][button.dataset.role];
      button.dataset.hex = hex;
      button.querySelector("[data-chip]").style.background = hex;
      setText(button.querySelector("[data-hex-text]"), hex);
    });
    document.querySelectorAll("[data-sample]").forEach(function (sample) {
      var parts = sample.closest("[data-row]").dataset.row.split(":"), roles = themes[parts[0]];
      sample.style.background = roles[parts[2]];
      if (sample.dataset.kind === "non-text") sample.style.setProperty("--ds-sample-line", roles[parts[1]]);
      else sample.style.color = roles[parts[1]];
    });
    ["secondary", "accent"].forEach(function (name) {
      var input = form.elements[name];
      if (!input.value.trim()) {
        var picker = form.querySelector("[data-picker-for=" + input.id + "]");
        if (picker) picker.value = themes.light[name];
      }
    });
  }

  function sizeText(step, leading) {
    var low = Number((step.min_rem * 16).toPrecision(3)), high = Number((step.max_rem * 16).toPrecision(3));
    return (low === high ? low : low + "–" + high) + " px · line " + leading;
  }

  function paintType(tokens) {
    var typography = tokens.typography;
    if (typography) {
      document.querySelectorAll("[data-type-step]").forEach(function (el) {
        var step = el.dataset.typeStep;
        setText(el, sizeText(typography.scale.steps[step], typography.line_heights[step]));
      });
      document.querySelectorAll("[data-family]").forEach(function (el) { setText(el, typography.families[el.dataset.family].name); });
      document.querySelectorAll("[data-type-ratio]").forEach(function (el) { setText(el, String(typography.scale.ratio)); });
      document.querySelectorAll("[data-type-base]").forEach(function (el) { setText(el, String(typography.scale.base_px)); });
    }
    if (tokens.spacing) document.querySelectorAll("[data-space]").forEach(function (el) { setText(el, tokens.spacing.scale[el.dataset.space]); });
    if (tokens.radii) document.querySelectorAll("[data-radius]").forEach(function (el) { setText(el, tokens.radii[el.dataset.radius]); });
  }

  function apply(data) {
    var tokens = kept(data.tokens);
    root.querySelectorAll(".preview[data-preview]").forEach(function (pane) { P.paint(pane, tokens, pane.dataset.preview, sections); });
    if (tokens.themes) {
      paintStatus(data.report);
      paintColours(tokens);
    }
    paintType(tokens);
  }

  /* ---- asking for previews ---- */

  /* A line under the preview's title: what just happened, or why the preview could not follow. */
  function say(text, problem) {
    if (!message) return;
    setText(message, text);
    message.toggleAttribute("data-problem", Boolean(problem));
  }

  function failed(result, again) {
    if (result.status === 400 && result.data.error) {
      var details = result.data.error.details || {};
      Object.keys(details).forEach(function (path) {
        var name = path.replace(/^intent\./, "");
        showError(name, label(name) + " " + details[path].join(" ") + ".");
      });
      say("");
    } else if (result.status === 429) {
      var wait = Math.max(result.retryAfter, 1);
      say("That was a lot of previews in a minute: the preview catches up in " + wait + " s. Your changes are kept.", true);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(again, wait * 1000);
    } else {
      say("The preview could not be updated (the server did not answer). Your changes are kept; Save still works.", true);
    }
  }

  function preview() {
    var read = readIntent();
    updateDirty(read);
    if (read.problems.length) return;
    FIELDS.forEach(clearError);
    var mine = ++previewSeq;
    root.setAttribute("aria-busy", "true");
    P.request({ intent: read.intent, variant: 0, locks: [] }).then(function (result) {
      if (mine !== previewSeq) return;
      root.removeAttribute("aria-busy");
      if (!result.ok) { failed(result, preview); return; }
      if (message && message.hasAttribute("data-problem")) say("");
      apply(result.data);
      scheduleVariations();
    });
  }

  function schedulePreview(delay) {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, delay === undefined ? 120 : delay);
  }

  function harmonyText(harmony) {
    var text = harmony.replace(/-/g, " ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function variations() {
    var read = readIntent();
    if (read.problems.length) return;
    var mine = ++variationSeq, locked = locks();
    root.querySelectorAll("[data-variation]").forEach(function (button) {
      var number = parseInt(button.dataset.variation, 10);
      P.request({ intent: read.intent, variant: number, locks: locked }).then(function (result) {
        if (mine !== variationSeq) return;
        if (!result.ok) { if (result.status === 429) failed(result, variations); return; }
        var data = result.data, families = data.tokens.typography.families;
        button.variationIntent = data.intent;
        button.variationOf = variationKey(read.intent, locked);
        P.paint(button.querySelector("[data-preview-mini]"), data.tokens, "light");
        setText(button.querySelector("[data-variation-summary]"),
                harmonyText(data.intent.harmony) + " · " + families.heading.name + " & " + families.body.name);
      });
    });
  }

  /* What a variation was drawn from: the intent and the locks. */
  function variationKey(intent, locked) { return key(intent) + "|" + locked.slice().sort().join(","); }

  function take(button, intent) {
    writeIntent(intent);
    say("Took variation " + button.dataset.variation + ". Save to keep it.");
    schedulePreview(0);
  }

  function scheduleVariations() {
    clearTimeout(variationTimer);
    variationTimer = setTimeout(variations, 350);
  }

  /* ---- wiring ---- */

  function syncPicker(text) {
    var picker = form.querySelector("[data-picker-for=" + text.id + "]");
    if (picker && HEX.test(text.value.trim())) picker.value = expand(text.value.trim());
  }

  form.addEventListener("input", function (event) {
    var target = event.target;
    if (target.name === "locks" || target.matches("[data-picker-for]")) return;  // app.js passes a pick on to its text field
    if (target.type === "range") showValue(target);
    if (COLOURS[target.name]) {
      syncPicker(target);
      if (!target.value.trim() || HEX.test(target.value.trim())) clearError(target.name);
    }
    schedulePreview();
  });
  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.name === "locks") { scheduleVariations(); return; }
    if (COLOURS[target.name] && readIntent().problems.indexOf(target.name) !== -1) showError(target.name, colourProblem(target.name));
    if (target.tagName === "SELECT" || target.type === "radio") schedulePreview(0);
  });

  form.addEventListener("submit", function (event) {
    var read = readIntent();
    if (read.problems.length) {
      event.preventDefault();
      read.problems.forEach(function (name) { showError(name, colourProblem(name)); });
      form.elements[read.problems[0]].focus();
      return;
    }
    submitting = true;
  });

  var drawnFrom = variationKey(readIntent().intent, locks());
  root.querySelectorAll("[data-variation]").forEach(function (button) {
    if (button.dataset.intent) {
      button.variationIntent = JSON.parse(button.dataset.intent);
      button.variationOf = drawnFrom;
    }
    button.addEventListener("click", function (event) {
      var read = readIntent();
      if (read.problems.length) return;  // the form posts, and the page says what is wrong
      event.preventDefault();
      var locked = locks();
      if (button.variationIntent && button.variationOf === variationKey(read.intent, locked)) {
        take(button, button.variationIntent);
        return;
      }
      // Drawn from an earlier intent or other locks: ask for this one now.
      P.request({ intent: read.intent, variant: parseInt(button.dataset.variation, 10), locks: locked }).then(function (result) {
        if (result.ok) take(button, result.data.intent); else failed(result, function () { button.click(); });
      });
    });
  });

  form.querySelectorAll(".hex-input").forEach(syncPicker);
  updateDirty(readIntent());
})();
