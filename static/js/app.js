/* DesignForge dashboard: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");  /* for styles of what only works without JavaScript */

  /* Clerk (only when configured: base.html then loads clerk-js with id="clerk-js"). */
  var clerkPromise = null;
  function clerkReady() {
    if (clerkPromise) return clerkPromise;
    var tag = document.getElementById("clerk-js");
    if (!tag) return null;
    clerkPromise = new Promise(function (resolve, reject) {
      // The nonce lets Clerk's runtime styles pass our Content-Security-Policy (style-src has no 'unsafe-inline').
      function load() { window.Clerk.load({ nonce: tag.nonce }).then(function () { resolve(window.Clerk); }, reject); }
      if (window.Clerk) load();
      else {
        tag.addEventListener("load", load);
        tag.addEventListener("error", reject);
      }
    });
    return clerkPromise;
  }

  function mountClerkSignIn() {
    var el = document.getElementById("clerk-sign-in");
    var ready = el && clerkReady();
    if (!ready) return;
    ready.then(function (clerk) {
      var next = el.dataset.next || "/dashboard/";
      if (clerk.user) { window.location.href = next; return; }
      clerk.mountSignIn(el, { forceRedirectUrl: next, signUpForceRedirectUrl: next });
    });
  }

  /* Sign-out ends the Clerk session in the browser too, then posts the form (which ends ours). */
  function wireSignOut() {
    document.querySelectorAll("form[data-sign-out]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        var ready = clerkReady();
        if (!ready) return;
        event.preventDefault();
        var sent = false;
        function send() { if (!sent) { sent = true; form.submit(); } }
        ready.then(function (clerk) { return clerk.signOut(); }).then(send, send);
        window.setTimeout(send, 5000);
      });
    });
  }

  /* Colour-vision preview: the select sets data-vision on the previews (the form also works without JS). */
  function wireVisionSwitch(root) {
    root.querySelectorAll("[data-vision-target]").forEach(function (form) {
      var target = document.getElementById(form.dataset.visionTarget);
      form.addEventListener("change", function (event) {
        if (event.target.name === "vision" && target) target.dataset.vision = event.target.value;
      });
    });
  }

  /* Colour fields: a hex text field is the value; its picker (shown only with JavaScript) writes into it and
   * follows it; "Clear" empties it. Each change is an `input` event on the text field, as typing is. */
  var HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;
  function fullHex(text) {
    var digits = text.trim().replace("#", "").toLowerCase();
    return "#" + (digits.length === 3 ? digits.replace(/(.)/g, "$1$1") : digits);
  }
  function changed(field) { field.dispatchEvent(new Event("input", { bubbles: true })); }
  function wireColourFields(root) {
    root.querySelectorAll("[data-picker-for]").forEach(function (picker) {
      var text = document.getElementById(picker.dataset.pickerFor);
      if (!text) return;
      picker.hidden = false;
      if (HEX.test(text.value)) picker.value = fullHex(text.value);  // else it keeps what the page gave it
      picker.addEventListener("input", function () { text.value = picker.value; changed(text); });
      text.addEventListener("input", function () { if (HEX.test(text.value)) picker.value = fullHex(text.value); });
    });
    root.querySelectorAll("[data-clear-for]").forEach(function (button) {
      var text = document.getElementById(button.dataset.clearFor);
      if (!text) return;
      button.hidden = false;
      button.addEventListener("click", function () { text.value = ""; changed(text); text.focus(); });
    });
  }

  /* A text field's character counter ("120 / 500"); screen readers hear it near the limit only. */
  function wireCounters(root) {
    root.querySelectorAll("[data-counter-for]").forEach(function (counter) {
      var field = document.getElementById(counter.dataset.counterFor);
      var announce = counter.closest("form").querySelector("[data-counter-announce]");
      var max = parseInt(counter.dataset.max, 10), said = null;
      function update() {
        var left = max - field.value.length;
        counter.textContent = field.value.length + " / " + max;
        counter.classList.toggle("is-near", left <= 50);
        var mark = left <= 0 ? 0 : left <= 20 ? 20 : left <= 50 ? 50 : null;
        if (announce && mark !== said) {
          said = mark;
          announce.textContent = mark === null ? "" : left + " characters left";
        }
      }
      field.addEventListener("input", update);
      update();
    });
  }

  /* Generate: show the cost of the chosen kind. */
  function wireCost(root) {
    root.querySelectorAll("[data-cost-form]").forEach(function (form) {
      var cost = form.querySelector("[data-cost]");
      function update() {
        var chosen = form.querySelector("input[name=kind]:checked");
        if (!chosen || !cost) return;
        var price = parseInt(chosen.dataset.credits, 10);
        cost.textContent = price + (price === 1 ? " credit" : " credits");
      }
      form.addEventListener("change", update);
      update();
    });
  }

  /* Copy a colour's hex code (or a new API key). */
  function wireCopy(root) {
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (!navigator.clipboard) return;
        navigator.clipboard.writeText(button.dataset.copy).then(function () {
          var status = document.getElementById("copy-status");
          if (status) status.textContent = "Copied " + (button.dataset.copyLabel || button.dataset.copy);
        });
      });
    });
  }

  function enhance(root) {
    wireVisionSwitch(root);
    wireCost(root);
    wireColourFields(root);
    wireCounters(root);
    wireCopy(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    mountClerkSignIn();
    wireSignOut();
    enhance(document);
  });
  document.addEventListener("htmx:load", function (event) { if (event.target !== document.body) enhance(event.target); });
})();
