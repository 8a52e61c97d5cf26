// The hosted page in the reader's language: a browser set to Urdu gets the page right to left
// in Urdu, decides, and reads the receipt in Urdu; an admin words a Hindi message in the
// dashboard's Translations page and the Hindi page shows it; wording that does not fit is
// refused with the message's id.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { apiCaller, cli, freshDataDir, hydrated, launchBrowser, signIn, startAssent, watchErrors } from "./harness.js";

let server, browser, key, assetId;
const dataDir = freshDataDir();

const api = (method, path, body) => apiCaller(server, key)(method, path, body);

const newLink = (phone) => api("POST", "/api/consent/consent-links", { collection_point_id: "CP001", asset_id: assetId, phone });

before(async () => {
  cli(dataDir, ["org", "create", "--slug", "acme", "--name", "Acme Health"]);
  cli(dataDir, ["user", "create", "--org", "acme", "--email", "owner@acme.test", "--role", "owner", "--password-stdin"], "a long password\n");
  key = JSON.parse(cli(dataDir, ["api-key", "create", "--org", "acme", "--scopes", "admin", "--json"])).key;
  server = await startAssent(dataDir);
  browser = await launchBrowser();
  assetId = (await api("POST", "/api/v1/assets", { name: "Patient app" })).id;
  await api("POST", "/api/v1/collection-points", {
    asset_id: assetId,
    name: "Appointment reminders",
    purposes: [{ name: "Appointments", description: "Book and manage your appointments", required: true }],
    notices: { en: "Acme Health uses your phone number to remind you of appointments." },
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a browser set to Urdu gets the page right to left, decides, and reads the receipt in Urdu", async () => {
  const link = await newLink("+919876543210");
  const context = await browser.newContext({ locale: "ur-PK" });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(link.consent_link);
  await hydrated(page);
  assert.equal(await page.getAttribute("html", "lang"), "ur");
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("main")).direction), "rtl");
  // The organisation's English notice keeps its own language and direction inside the page.
  assert.equal(await page.getByText("remind you of appointments").getAttribute("lang"), "en");
  await page.getByRole("button", { name: "مسترد کریں" }).waitFor();
  await page.getByRole("button", { name: "منظور کریں" }).click();
  await page.getByRole("status").filter({ hasText: "آپ کا فیصلہ درج ہو گیا ہے" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "ur", "the decision's redirect keeps the language");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an admin words a Hindi message and the Hindi page shows it", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await signIn(page, server.url);
  await page.getByRole("link", { name: "Translations" }).click();
  await page.getByLabel("Language", { exact: true }).selectOption("hi");
  const approve = page.getByLabel("page-approve", { exact: true });
  await approve.waitFor();
  // Assent's own Hindi is shown beside the field.
  await page.getByRole("row").filter({ hasText: "page-approve" }).getByText("स्वीकार करें").waitFor();
  await approve.fill("हाँ, मैं सहमत हूँ");
  await page.getByRole("button", { name: "Save your wording" }).click();
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();

  // A value the message does not offer is refused, naming the message; nothing changes.
  await page.getByLabel("page-decline", { exact: true }).fill("{ $org } नहीं");
  await page.getByRole("button", { name: "Save your wording" }).click();
  await page.getByRole("alert").filter({ hasText: "page-decline" }).waitFor();
  const stored = await api("GET", "/api/v1/translations/hi");
  assert.deepEqual(
    stored.messages.filter((m) => m.override).map((m) => [m.id, m.override]),
    [["page-approve", "हाँ, मैं सहमत हूँ"]],
  );

  const link = await newLink("+919876543211");
  const person = await browser.newPage();
  await person.goto(link.consent_link + "?lang=hi");
  await person.getByRole("button", { name: "हाँ, मैं सहमत हूँ" }).waitFor();
  await person.getByRole("button", { name: "अस्वीकार करें" }).waitFor();
  await person.close();
  // The refused save is a 400 the browser reports; nothing else may appear.
  assert.ok(errors.every((e) => /status of 400/.test(e)), errors.join("\n"));
  await page.close();
});
