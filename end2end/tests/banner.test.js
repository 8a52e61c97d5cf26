import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { apiCaller, cli, freshDataDir, launchBrowser, startAssent, watchErrors } from "./harness.js";

let server, browser, key, integration, host, hostUrl, stranger, strangerUrl;
const dataDir = freshDataDir();

/**
 * A customer's site on an origin of its own (the integration's, once it exists), with CSS that
 * would wreck an unisolated banner.
 */
async function site() {
  const s = createServer((req, res) => {
    if (req.url !== "/") {
      res.writeHead(204);
      return res.end();
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><html><head><title>Shop</title>
      <style>button { display: none !important; } div { color: red; font-size: 40px; }</style></head>
      <body><h1>Shop</h1>
      <script>document.addEventListener("assent:consent", (e) => { window.__decision = e.detail.decision; window.__clientId = e.detail.clientId; });</script>
      <script src="${server.url}/banner.js" async data-title="Cookies on this shop" data-integration="${integration.id}"></script>
      </body></html>`);
  });
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  return [s, `http://127.0.0.1:${s.address().port}/`];
}

before(async () => {
  cli(dataDir, ["org", "create", "--slug", "acme", "--name", "Acme Shop"]);
  key = JSON.parse(cli(dataDir, ["api-key", "create", "--org", "acme", "--scopes", "admin", "--json"])).key;
  server = await startAssent(dataDir);
  browser = await launchBrowser();
  // The shop, which the integration allows, and a site it does not name.
  [host, hostUrl] = await site();
  [stranger, strangerUrl] = await site();
  integration = await apiCaller(server, key)("POST", "/api/v1/integrations", {
    name: "Shop banner",
    allowed_origins: [new URL(hostUrl).origin],
  });
});

after(async () => {
  host?.close();
  stranger?.close();
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
  // Recorded through the banner's server function, from the shop's origin: the integration
  // endpoint of seed 003 finds it, with the shop as its URI.
  const clientId = await page.evaluate(() => window.__clientId);
  const check = await fetch(`${server.url}/api/universalconsent/integration/${clientId}?IntegrationId=${integration.id}`);
  assert.equal(check.status, 200);
  const recorded = await check.json();
  assert.equal(recorded.ConsentGiven, "All");
  assert.equal(recorded.Reference, "Shop banner");
  const found = await apiCaller(server, key)("GET", "/api/universalconsent?Reference=Shop%20banner");
  const mine = found.find((r) => r.ClientId === clientId);
  assert.equal(mine.URI, new URL(hostUrl).origin);
  assert.equal(mine.Fingerprint.UserAgent, await page.evaluate(() => navigator.userAgent));
  // The browser keeps its ClientId: the next choice is the same visitor's.
  assert.equal(await page.evaluate((id) => localStorage.getItem(`assent:${id}:client`), integration.id), clientId);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a site the integration does not allow records nothing", async () => {
  const page = await browser.newPage();
  await page.goto(strangerUrl);
  await page.waitForSelector("#assent-banner-host[data-assent-ready=true]", { state: "attached", timeout: 20000 });
  await page.getByRole("button", { name: "Reject all" }).click();
  await page.waitForSelector("#assent-banner-host[data-assent-error]", { state: "attached" });
  // The banner stays: the choice was not recorded, so the visitor was not answered.
  await page.getByRole("dialog", { name: "Cookies on this shop" }).waitFor();
  assert.equal(await page.evaluate(() => window.__decision), undefined);
  await page.close();

  // The server function itself, from that origin: refused, unreadable, nothing written.
  const form = (origin) => fetch(`${server.url}/_server/banner_choice`, {
    method: "POST",
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    body: `integration=${integration.id}&consent=All`,
  });
  const refused = await form(new URL(strangerUrl).origin);
  assert.equal(refused.status, 403);
  assert.equal(refused.headers.get("access-control-allow-origin"), null);
  const allowed = await form(new URL(hostUrl).origin);
  assert.equal(allowed.status, 200);
  assert.equal(allowed.headers.get("access-control-allow-origin"), new URL(hostUrl).origin);
  assert.match(allowed.headers.get("vary") ?? "", /Origin/);
  const preflight = await fetch(`${server.url}/_server/banner_choice`, {
    method: "OPTIONS",
    headers: { origin: new URL(hostUrl).origin, "access-control-request-method": "POST" },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get("access-control-allow-methods"), "POST");
  const records = await apiCaller(server, key)("GET", "/api/universalconsent?Reference=Shop%20banner");
  const uris = JSON.stringify(records);
  assert.ok(!uris.includes(new URL(strangerUrl).origin), uris);
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
