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

  /* Generate: show the cost of the chosen kind and the balance left after it. */
  function wireCost(root) {
    root.querySelectorAll("[data-cost-form]").forEach(function (form) {
      var balance = parseInt(form.dataset.balance, 10);
      var cost = form.querySelector("[data-cost]");
      var after = form.querySelector("[data-after]");
      function update() {
        var chosen = form.querySelector("input[name=kind]:checked");
        if (!chosen || !cost) return;
        var price = parseInt(chosen.dataset.credits, 10);
        cost.textContent = price + (price === 1 ? " credit" : " credits");
        if (after) after.textContent = Math.max(balance - price, 0) + (balance - price === 1 ? " credit" : " credits");
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
    wireCopy(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    mountClerkSignIn();
    wireSignOut();
    enhance(document);
  });
  document.addEventListener("htmx:load", function (event) { if (event.target !== document.body) enhance(event.target); });
})();
