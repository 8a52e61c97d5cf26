// Universal consents in the dashboard: an integration records a visitor's choice without
// credentials, the admin finds it with its fingerprint, subscribes a webhook that a real
// receiver on loopback gets, and runs an endpoint in the API explorer.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { cli, freshDataDir, launchBrowser, signIn, startAssent, watchErrors } from "./harness.js";

let server, browser, receiver;
const received = [];
const dataDir = freshDataDir();

before(async () => {
  cli(dataDir, ["org", "create", "--slug", "acme", "--name", "Acme Shop"]);
  cli(dataDir, ["user", "create", "--org", "acme", "--email", "owner@acme.test", "--role", "owner", "--password-stdin"], "a long password\n");
  server = await startAssent(dataDir, ["--webhook-allow-cidrs", "127.0.0.0/8"]);
  browser = await launchBrowser();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ id: req.headers["webhook-id"], signature: req.headers["webhook-signature"], body: JSON.parse(body) });
      res.writeHead(204).end();
    });
  });
  await new Promise((r) => receiver.listen(0, "127.0.0.1", r));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  receiver?.close();
});

async function recordThroughIntegration(integrationId, payload) {
  const res = await fetch(`${server.url}/api/universalconsent/integration/${integrationId}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: "https://shop.acme.test", "User-Agent": "ShopVisitor/1.0" },
    body: JSON.stringify(payload),
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("access-control-allow-origin"), "https://shop.acme.test");
  return res.json();
}

test("an admin sets up an integration, finds its consents, subscribes a webhook and explores the API", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);

  // An integration for the shop's banner, with the snippet to embed it.
  await page.getByRole("link", { name: "Integrations" }).click();
  await page.getByRole("heading", { name: "New integration" }).waitFor();
  await page.locator("#integration_name").fill("Shop banner");
  await page.locator("#integration_origins").fill("https://shop.acme.test");
  await page.getByRole("button", { name: "Create integration" }).click();
  const table = page.getByRole("table", { name: "Integrations" });
  await table.getByRole("cell", { name: "Shop banner" }).waitFor();
  const snippet = (await table.locator("code.snippet").first().textContent()).trim();
  const integrationId = snippet.match(/data-integration="([0-9a-f-]{36})"/)[1];
  assert.match(snippet, new RegExp(`^<script src="${server.url}/banner.js"`));

  // A visitor's choice, recorded without credentials from the allowed origin.
  const visitor = await recordThroughIntegration(integrationId, { ConsentGiven: "Partial", ConsentType: "Cookies" });
  assert.equal(visitor.Reference, "Shop banner");

  await page.getByRole("link", { name: "Universal consents" }).click();
  const consents = page.getByRole("table", { name: "Universal consents" });
  await consents.getByRole("cell", { name: visitor.ClientId }).waitFor();
  await consents.getByRole("cell", { name: "ShopVisitor/1.0" }).waitFor();
  await consents.getByRole("cell", { name: "127.0.0.1" }).waitFor();
  await page.locator("#uc_Reference").fill("Somewhere else");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByText("No consents match.").waitFor();

  // A webhook subscription: the secret is shown once; the next choice arrives, signed.
  await page.getByRole("link", { name: "Webhooks" }).click();
  await page.locator("#wh_url").fill(`http://127.0.0.1:${receiver.address().port}/hook`);
  await page.locator("#wh_reference").fill("Shop banner");
  await page.getByRole("button", { name: "Subscribe" }).click();
  const secret = (await page.getByTestId("webhook-secret").textContent()).trim();
  assert.match(secret, /^whsec_/);
  await recordThroughIntegration(integrationId, { ConsentGiven: "All", ClientId: visitor.ClientId });
  for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(received.length, 1);
  assert.equal(received[0].body.type, "universalconsent.updated");
  assert.equal(received[0].body.data.ConsentGiven, "All");
  assert.match(received[0].signature, /^v1,/);
  await page.getByRole("button", { name: "Deliveries" }).click();
  const deliveries = page.getByRole("table", { name: "Deliveries" });
  await deliveries.getByRole("cell", { name: "delivered" }).waitFor();
  await deliveries.getByRole("button", { name: "Attempts" }).click();
  await page.getByRole("table", { name: "Attempts" }).getByRole("cell", { name: "204" }).waitFor();

  // The API explorer runs the check with the admin's session.
  await page.getByRole("link", { name: "API explorer" }).click();
  const option = page.locator("#explorer_op option", { hasText: "GET /api/universalconsent/consent-given " });
  await option.waitFor({ state: "attached" });
  await page.locator("#explorer_op").selectOption(await option.getAttribute("value"));
  await page.locator("#param_query_ClientId").fill(visitor.ClientId);
  await page.locator("#param_query_Reference").fill("Shop banner");
  await page.getByRole("button", { name: "Run" }).click();
  await page.getByTestId("explorer-status").filter({ hasText: "Status 200" }).waitFor();
  assert.match(await page.getByTestId("explorer-body").textContent(), /"ConsentGiven": "All"/);

  assert.deepEqual(errors, []);
  await page.close();
});
