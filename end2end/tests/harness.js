// Shared helpers: start the real `assent` binary on a fresh database, run its CLI, and drive
// Debian's Chromium through playwright-core. Any console error fails a test.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = process.env.ASSENT_BIN || path.join(ROOT, "target/release/assent");

export function freshDataDir() {
  return mkdtempSync(path.join(tmpdir(), "assent-e2e-"));
}

export function cli(dataDir, args, input) {
  return execFileSync(BIN, [...args, "--data-dir", dataDir], {
    cwd: ROOT,
    input,
    env: { ...process.env, ASSENT_LOG: "warn", ASSENT_DATABASE_URL: "" },
  }).toString();
}

/** Runs SQL against a test server's SQLite database (WAL: fine while the server runs). */
export function sql(dataDir, statement, params = []) {
  execFileSync("python3", ["-c", [
    "import sqlite3, sys, json",
    "c = sqlite3.connect(sys.argv[1])",
    "c.execute(sys.argv[2], json.loads(sys.argv[3]))",
    "c.commit()",
  ].join("\n"), path.join(dataDir, "assent.db"), statement, JSON.stringify(params)]);
}

/**
 * A caller of `server`'s JSON APIs with an API key of organisation `acme`: `(method, path, body)`
 * resolves to the answer's JSON and fails the test on any status but 2xx.
 */
export function apiCaller(server, key) {
  return async (method, path, body) => {
    const res = await fetch(server.url + path, {
      method,
      headers: { "X-API-Key": key, "X-Org-Id": "acme", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Starts `assent serve` on a free port; resolves once it prints its address. */
export function startAssent(dataDir, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn(BIN, ["serve", "--listen", "127.0.0.1:0", "--data-dir", dataDir, ...extraArgs], {
      cwd: ROOT,
      env: { ...process.env, ASSENT_LOG: "warn", ASSENT_DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const output = [];
    const lines = createInterface({ input: proc.stdout });
    const timer = setTimeout(() => reject(new Error("assent did not start:\n" + output.join("\n"))), 30000);
    proc.on("exit", (code) => reject(new Error(`assent exited with ${code}:\n${output.join("\n")}`)));
    lines.on("line", (line) => {
      output.push(line);
      const m = line.match(/^Assent is running at (\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          output,
          async stop() {
            proc.kill("SIGTERM");
            await new Promise((r) => proc.once("exit", r));
            rmSync(dataDir, { recursive: true, force: true });
          },
        });
      }
    });
  });
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`page error: ${err.message}`));
  return errors;
}

/** Waits until the Leptos app has hydrated, so event handlers are attached. */
export async function hydrated(page) {
  await page.waitForSelector("body[data-hydrated=true]", { timeout: 20000 });
}

/** Signs in on the dashboard and waits for its overview. */
export async function signIn(page, url, email = "owner@acme.test", password = "a long password") {
  await page.goto(url + "/admin/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin$/);
}
