import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { freshDataDir, launchBrowser, startAssent, watchErrors } from "./harness.js";

let server, browser, host, hostUrl;

before(async () => {
  server = await startAssent(freshDataDir());
  browser = await launchBrowser();
  // A customer's site on another origin, with CSS that would wreck an unisolated banner.
  host = createServer((req, res) => {
    if (req.url !== "/") {
      res.writeHead(204);
      return res.end();
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><html><head><title>Shop</title>
      <style>button { display: none !important; } div { color: red; font-size: 40px; }</style></head>
      <body><h1>Shop</h1>
      <script>document.addEventListener("assent:consent", (e) => { window.__decision = e.detail.decision; });</script>
      <script src="${server.url}/banner.js" async data-title="Cookies on this shop"></script>
      </body></html>`);
  });
  await new Promise((r) => host.listen(0, "127.0.0.1", r));
  hostUrl = `http://127.0.0.1:${host.address().port}/`;
});

after(async () => {
  host?.close();
  await browser?.close();
  await server?.stop();
});

test("one script tag mounts the wasm banner in a shadow root on another origin", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(hostUrl);
  // The host element itself has no box: the banner inside it is position: fixed.
  await page.waitForSelector("#assent-banner-host[data-assent-ready=true]", { state: "attached", timeout: 20000 });
  const dialog = page.getByRole("dialog", { name: "Cookies on this shop" });
  await dialog.waitFor();
  // The host's `button { display: none }` does not reach into the shadow root.
  const accept = page.getByRole("button", { name: "Accept all" });
  assert.equal(await accept.isVisible(), true);
  const inShadow = await page.evaluate(() => {
    const host = document.getElementById("assent-banner-host");
    return host.shadowRoot !== null && host.shadowRoot.querySelector(".assent-banner") !== null && document.querySelector(".assent-banner") === null;
  });
  assert.equal(inShadow, true);
  await accept.click();
  await page.waitForFunction(() => window.__decision === "accept");
  await dialog.waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await page.close();
});

test("the loader and bundle are versioned and readable cross-origin", async () => {
  const loader = await fetch(server.url + "/banner.js");
  assert.equal(loader.status, 200);
  assert.equal(loader.headers.get("access-control-allow-origin"), "*");
  const text = await loader.text();
  const build = text.match(/var BUILD = "([0-9a-f]{16})"/)[1];
  const wasm = await fetch(`${server.url}/banner/${build}/banner.wasm`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.match(wasm.headers.get("cache-control"), /immutable/);
  const size = (await wasm.arrayBuffer()).byteLength;
  assert.ok(size < 100 * 1024, `banner wasm is small (${size} bytes)`);
  assert.equal((await fetch(`${server.url}/banner/0000000000000000/banner.wasm`)).status, 404);
});
