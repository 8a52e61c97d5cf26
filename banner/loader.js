/* Assent banner loader. Embed with:
 *   <script src="https://assent.example.com/banner.js" data-integration="INTEGRATION_ID" async></script>
 * It finds its own origin, loads the versioned banner wasm from there, and renders into a
 * shadow root so the host page's CSS and the banner's cannot affect each other. The banner
 * records the visitor's choice through Assent's server function for the integration. */
(function () {
  "use strict";
  var BUILD = "__ASSENT_BANNER_BUILD__";
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : location.origin;
  var base = origin + "/banner/" + BUILD + "/";
  var endpoint = origin + "__ASSENT_CHOICE_PATH__";
  var integration = (script && script.dataset.integration) || "";

  function start() {
    if (document.getElementById("assent-banner-host")) return;
    var host = document.createElement("div");
    host.id = "assent-banner-host";
    document.body.appendChild(host);
    var root = host.attachShadow({ mode: "open" });
    var title = (script && script.dataset.title) || "We value your privacy";
    var text = (script && script.dataset.text) ||
      "We use cookies and similar technologies only with your consent.";
    import(base + "banner.js")
      .then(function (m) {
        return m.default({ module_or_path: base + "banner.wasm" }).then(function () {
          m.mount(root, host, title, text, endpoint, integration);
          host.setAttribute("data-assent-ready", "true");
        });
      })
      .catch(function (err) {
        host.setAttribute("data-assent-error", String(err && err.message || err));
        if (window.console) console.warn("Assent banner could not start:", err);
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
