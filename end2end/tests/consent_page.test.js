import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { apiCaller, cli, freshDataDir, hydrated, launchBrowser, sql, startAssent, watchErrors } from "./harness.js";

let server, browser, key, assetId;
const dataDir = freshDataDir();

const api = (method, path, body) => apiCaller(server, key)(method, path, body);

const newLink = (phone) => api("POST", "/api/consent/consent-links", { collection_point_id: "CP001", asset_id: assetId, phone });

before(async () => {
  cli(dataDir, ["org", "create", "--slug", "acme", "--name", "Acme Health"]);
  key = JSON.parse(cli(dataDir, ["api-key", "create", "--org", "acme", "--scopes", "admin", "--json"])).key;
  server = await startAssent(dataDir);
  browser = await launchBrowser();
  assetId = (await api("POST", "/api/v1/assets", { name: "Patient app" })).id;
  await api("POST", "/api/v1/collection-points", {
    asset_id: assetId,
    name: "Appointment reminders",
    purposes: [
      { name: "Appointments", description: "Book and manage your appointments", required: true, data_categories: ["phone"] },
      { name: "Health tips", description: "Occasional health tips by SMS" },
    ],
    notices: { en: "Acme Health uses your phone number to remind you of appointments.", hi: "एक्मे हेल्थ आपको अपॉइंटमेंट याद दिलाने के लिए आपके फ़ोन नंबर का उपयोग करता है।" },
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function logs(requestId) {
  const status = await api("GET", `/api/v1/external/public/consent-link/status/${requestId}`);
  return status.consent_logs.map((l) => [l.action, l.purpose_consents.map((p) => `${p.name}:${p.granted}`).join(",")]);
}

test("a person chooses per purpose, sees a receipt, then withdraws", async () => {
  const link = await newLink("+919876543210");
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors = watchErrors(page);
  const code = [];
  page.on("response", (r) => {
    if (/\.(js|wasm)$/.test(new URL(r.url()).pathname)) code.push(r);
  });
  const res = await page.goto(link.consent_link);
  assert.equal(res.status(), 200);
  await hydrated(page);
  // What a phone downloads: the public pages' bundle, compressed and cached for good; never
  // the dashboard's.
  const names = code.map((r) => new URL(r.url()).pathname.split("/").pop()).sort();
  assert.deepEqual(names, ["public.js", "public.wasm"]);
  for (const r of code) {
    const headers = await r.allHeaders();
    assert.match(headers["content-encoding"] ?? "", /^(br|gzip)$/, r.url());
    assert.match(headers["cache-control"] ?? "", /immutable/, r.url());
  }
  await page.getByRole("heading", { name: "Appointment reminders" }).waitFor();
  await page.getByText("remind you of appointments").waitFor();
  const required = page.getByRole("checkbox", { name: /Appointments/ });
  assert.equal(await required.isChecked(), true);
  assert.equal(await required.isDisabled(), true);
  // With JavaScript the page updates in place: no navigation, no reload.
  const navigations = [];
  page.on("framenavigated", (f) => navigations.push(f.url()));
  await page.evaluate(() => { window.__samePage = true; });
  const calls = [];
  page.on("request", (r) => { if (r.method() === "POST") calls.push(new URL(r.url()).pathname); });
  // Keyboard only: focus the optional purpose and tick it with the space bar.
  await page.getByRole("checkbox", { name: /Health tips/ }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Save choices" }).click();
  await page.getByRole("status").filter({ hasText: "Your decision is recorded" }).waitFor();
  assert.deepEqual(navigations, []);
  assert.equal(await page.evaluate(() => window.__samePage), true);
  assert.deepEqual(calls, ["/_server/consent_decision"]);
  // The answer takes the focus, so a screen reader reads it and the keyboard goes on from it.
  // It does so on the animation frame after the answer is shown: wait for that frame.
  await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "status", null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), "status");
  await page.getByText("approved all purposes").waitFor();
  assert.match(await page.getByRole("status").textContent(), /Health tips: Allowed/);

  await page.getByRole("button", { name: "Withdraw consent" }).click();
  await page.getByText("withdrew your consent").waitFor();
  assert.match(await page.getByRole("status").textContent(), /Health tips: Not allowed/);
  assert.deepEqual(navigations, []);
  assert.deepEqual(await logs(link.request_id), [
    ["approved", "Appointments:true,Health tips:true"],
    ["withdrawn", "Appointments:false,Health tips:false"],
  ]);

  // The person keeps a receipt of the newest decision, signed by Acme Health, that verifies
  // offline with Acme's published keys and that the admin can check against the ledger.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the signed receipt" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^consent-receipt-.+\.json$/);
  const file = await download.path();
  const receipt = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(receipt.claims.action, "withdrawn");
  assert.equal(receipt.claims.collected_via, "consent_link");
  assert.match(cli(dataDir, ["receipt", "verify", file]), /receipt verifies: signed by acme/);
  const check = await api("POST", "/api/v1/audit/receipts/check", { receipt: readFileSync(file, "utf8") });
  assert.deepEqual([check.valid, check.in_ledger], [true, true]);

  // The notice and the page's own words in Hindi.
  await page.getByRole("link", { name: "हिन्दी" }).click();
  await page.getByText("अपॉइंटमेंट याद दिलाने").waitFor();
  await page.getByRole("button", { name: "स्वीकार करें", exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the page works with JavaScript disabled", async () => {
  const link = await newLink("+919876543211");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(link.consent_link);
  await page.getByRole("button", { name: "Decline" }).click();
  await page.getByText("declined all purposes").waitFor();
  // The form went to the server function, which sent the browser back to the page.
  assert.equal(page.url(), `${link.consent_link}?lang=en`);
  await page.getByRole("checkbox", { name: /Health tips/ }).check();
  await page.getByRole("button", { name: "Save choices" }).click();
  await page.getByText("approved all purposes").waitFor();
  await page.getByRole("button", { name: "Withdraw consent" }).click();
  await page.getByText("withdrew your consent").waitFor();
  assert.deepEqual((await logs(link.request_id)).map(([a]) => a), ["declined", "approved", "withdrawn"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an expired link says so with 410 and records nothing", async () => {
  const link = await newLink("+919876543212");
  sql(dataDir, "UPDATE consent_requests SET expires_at = 1000 WHERE id = ?", [link.request_id]);
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const res = await page.goto(link.consent_link);
  assert.equal(res.status(), 410);
  await page.getByRole("heading", { name: "This link has expired" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Approve" }).count(), 0);
  assert.deepEqual(await logs(link.request_id), []);
  // The browser reports the 410 document on the console; nothing else may appear.
  assert.ok(errors.every((e) => /status of 410/.test(e)), errors.join("\n"));
  await page.close();
});

test("a decision on a link that expired meanwhile is refused in the page's language", async () => {
  const link = await newLink("+919876543214");
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${link.consent_link}?lang=hi`);
  await hydrated(page);
  const navigations = [];
  page.on("framenavigated", (f) => navigations.push(f.url()));
  // The link expires while the page is open; the decision comes back as the function's error.
  sql(dataDir, "UPDATE consent_requests SET expires_at = 1000 WHERE id = ?", [link.request_id]);
  await page.getByRole("button", { name: "स्वीकार करें", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "सहमति लिंक सीमित समय के लिए मान्य होते हैं" }).waitFor();
  assert.deepEqual(navigations, []);
  assert.deepEqual(await logs(link.request_id), []);
  // The browser reports the function's 410 on the console; nothing else may appear.
  assert.ok(errors.every((e) => /status of 410/.test(e)), errors.join("\n"));
  await page.close();
});

test("a replaced link points to the newer one with 410", async () => {
  const link = await newLink("+919876543213");
  const newer = await api("POST", `/api/consent/consent-links/${link.request_id}/regenerate`, {});
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const res = await page.goto(link.consent_link);
  assert.equal(res.status(), 410);
  await page.getByRole("heading", { name: "This link was replaced" }).waitFor();
  assert.ok(errors.every((e) => /status of 410/.test(e)), errors.join("\n"));
  const fresh = await page.goto(newer.consent_link);
  assert.equal(fresh.status(), 200);
  await page.getByRole("button", { name: "Approve" }).waitFor();
  await page.close();
});
