import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshDataDir, hydrated, launchBrowser, startAssent, watchErrors } from "./harness.js";

let server, browser;

before(async () => {
  server = await startAssent(freshDataDir());
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a fresh installation explains how to start and its setup link creates the first admin", async () => {
  const link = server.output.map((l) => l.trim()).find((l) => l.includes("/admin/setup?token="));
  assert.ok(link, "serve prints a one-time setup link on first run");

  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + "/admin/login");
  await page.getByText("No admin exists yet.").waitFor();
  await page.getByText("assent user create").waitFor();

  await page.goto(link);
  await hydrated(page);
  await page.getByLabel("Organisation name").fill("Globex");
  await page.getByLabel("Organisation slug").fill("globex");
  await page.getByLabel("Your email").fill("admin@globex.test");
  await page.getByLabel("Password (at least 10 characters)").fill("correct horse battery");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await page.waitForURL(/\/admin$/);
  await page.getByText("X-Org-Id: globex").waitFor();

  // The link is spent.
  const again = await fetch(server.url + "/api/v1/setup", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: new URL(link).searchParams.get("token"), org_slug: "x2", org_name: "X", email: "x@x.test", password: "another password" }),
  });
  assert.equal(again.status, 403);
  assert.deepEqual(errors, []);
  await page.close();
});
