import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cli, freshDataDir, hydrated, launchBrowser, signIn, startAssent, watchErrors } from "./harness.js";

let server, browser, apiKey;
const dataDir = freshDataDir();

before(async () => {
  cli(dataDir, ["org", "create", "--slug", "acme", "--name", "Acme Health"]);
  cli(dataDir, ["user", "create", "--org", "acme", "--email", "owner@acme.test", "--role", "owner", "--password-stdin"], "a long password\n");
  apiKey = JSON.parse(cli(dataDir, ["api-key", "create", "--org", "acme", "--scopes", "admin", "--json"])).key;
  server = await startAssent(dataDir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function api(path) {
  const res = await fetch(server.url + path, { headers: { "X-API-Key": apiKey, "X-Org-Id": "acme" } });
  assert.equal(res.status, 200);
  return res.json();
}

test("an admin signs in and manages assets, collection points and API keys", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);

  await page.goto(server.url + "/admin");
  await page.waitForURL("**/admin/login");
  await hydrated(page);
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").filter({ hasText: "credentials" }).waitFor();
  // The browser reports the refused sign-in (a 401) on the console; that one is expected.
  const refused = errors.splice(0);
  assert.equal(refused.length, 1, refused.join("\n"));
  assert.match(refused[0], /status of 401/);

  await page.getByLabel("Password").fill("a long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin$/);
  await page.getByRole("heading", { name: "Overview" }).waitFor();
  await page.getByText("X-Org-Id: acme").waitFor();

  // Assets: create, then edit.
  await page.getByRole("link", { name: "Assets" }).click();
  await page.getByRole("heading", { name: "Assets" }).waitFor();
  await page.getByLabel("Name").fill("Patient portal");
  await page.getByLabel("URL").fill("https://portal.acme.test");
  await page.getByRole("button", { name: "Create asset" }).click();
  await page.getByRole("cell", { name: "Patient portal" }).waitFor();
  let assets = await api("/api/v1/assets");
  assert.equal(assets.total, 1);
  assert.equal(assets.items[0].name, "Patient portal");
  assert.equal(assets.items[0].url, "https://portal.acme.test");

  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Name").fill("Patient portal EU");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByRole("cell", { name: "Patient portal EU" }).waitFor();
  assets = await api("/api/v1/assets");
  assert.equal(assets.items[0].name, "Patient portal EU");

  // Collection points: one purpose, one notice, numbered CP001.
  await page.getByRole("link", { name: "Collection points" }).click();
  await page.getByRole("heading", { name: "New collection point" }).waitFor();
  await page.locator("#cp_asset option", { hasText: "Patient portal EU" }).waitFor({ state: "attached" });
  await page.locator("#cp_name").fill("Appointment booking");
  await page.getByLabel("Purpose name").fill("Reminders");
  await page.getByLabel("Required").check();
  await page.getByLabel("Notice text").fill("We use your phone number to send appointment reminders.");
  await page.getByRole("button", { name: "Create collection point" }).click();
  await page.getByRole("cell", { name: "CP001" }).waitFor();
  const cps = await api("/api/v1/collection-points");
  assert.equal(cps.items[0].display_id, "CP001");
  assert.equal(cps.items[0].purposes[0].name, "Reminders");
  assert.equal(cps.items[0].purposes[0].required, true);

  // API keys: the new key is shown once and works.
  await page.getByRole("link", { name: "API keys" }).click();
  await page.locator("#key_name").fill("CRM");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent()).trim();
  const res = await fetch(server.url + "/api/v1/org", { headers: { Authorization: `Token ${key}` } });
  assert.equal(res.status, 403, "a consent-scoped key cannot manage");
  await page.getByRole("cell", { name: "CRM" }).waitFor();

  await page.getByRole("link", { name: "Audit" }).click();
  await page.getByText("Ledger intact").waitFor();
  // The organisation's signing keys: published without credentials, rotated from here.
  const jwksUri = await page.getByTestId("jwks-uri").textContent();
  assert.equal(new URL(jwksUri).pathname, "/.well-known/assent/acme/jwks.json");
  const before = (await (await fetch(jwksUri)).json()).keys;
  assert.equal(before.length, 1);
  await page.getByRole("button", { name: "Rotate key" }).click();
  await page.getByText("A new signing key is current").waitFor();
  const after = (await (await fetch(jwksUri)).json()).keys;
  assert.equal(after.length, 2);
  assert.ok(after.some((k) => k.kid === before[0].kid), "the retired key stays published");
  // A receipt that no key of Acme's signed is not valid.
  await page.getByLabel("The receipt file's content, or the JWS").fill("eyJhbGciOiJFZERTQSJ9.e30.AAAA");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByTestId("receipt-check").filter({ hasText: "Not valid" }).waitFor();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/admin/login");
  assert.deepEqual(errors, []);
  await page.close();
});

test("an admin sends a consent link, follows it in the history and regenerates it", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);

  await page.getByRole("link", { name: "Consent links" }).click();
  await page.getByRole("heading", { name: "Consent links" }).waitFor();
  await page.locator("#link_cp option", { hasText: "CP001" }).waitFor({ state: "attached" });
  await page.locator("#link_phone").fill("9876543210");
  await page.locator("#link_email").fill("person@example.com");
  await page.getByRole("button", { name: "Create link" }).click();
  const link = (await page.getByTestId("new-consent-link").textContent()).trim();
  assert.match(link, new RegExp(`^${server.url}/acme/CP001/[0-9a-f-]{36}$`));
  // No SMTP server is configured here: the dashboard says why the email failed.
  await page.getByText(/Email failed: .*SMTP is not configured/).waitFor();

  const history = page.getByRole("table", { name: "Consent link history" });
  await history.getByRole("cell", { name: "+********3210" }).waitFor();
  await history.getByRole("button", { name: "Details" }).first().click();
  const details = page.getByLabel("Request details");
  await details.getByText("active").first().waitFor();
  await details.getByRole("button", { name: "Regenerate link" }).click();
  await page.getByText("Consent link regenerated").waitFor();
  const newer = (await page.getByTestId("new-consent-link").textContent()).trim();
  assert.notEqual(newer, link);
  const old = await fetch(link);
  assert.equal(old.status, 410, "the previous link stopped working");
  assert.deepEqual(errors, []);
  await page.close();
});
