// Drives the built app (dist/) in Debian's headless Chromium through playwright-core: a static
// server on 127.0.0.1, one fresh browser profile per story, screenshots of each step in
// test-results/, and assertions that name the step and the screenshot when they fail.
import { mkdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, "..", "dist");
export const RESULTS = join(here, "..", "test-results");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// network refuses; the rest keep a headless run quiet and reproducible.
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TIMEOUT = Number(process.env.APP_TEST_TIMEOUT_MS ?? 60_000);

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml" };

/** Serves dist/ on a free port of 127.0.0.1. */
export async function serve() {
  if (!existsSync(join(DIST, "index.html"))) throw new Error(`${DIST} has no build: run npm run build first`);
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    let file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
      // a missing file is a 404 (chain mode asks for deployments/<chain-id>.json); pages are index.html
      if (extname(path)) {
        res.statusCode = 404;
        res.end("not found");
        return;
      }
      file = join(DIST, "index.html");
    }
    res.setHeader("content-type", TYPES[extname(file)] ?? "application/octet-stream");
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Where a story stands, for failure messages. */
class Story {
  constructor(name, page, browser, server) {
    this.name = name;
    this.page = page;
    this.browser = browser;
    this.server = server;
    this.shots = 0;
    this.errors = [];
    page.on("pageerror", (e) => this.errors.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && this.errors.push(`console: ${m.text()}`));
  }

  async shot(label) {
    mkdirSync(RESULTS, { recursive: true });
    const path = join(RESULTS, `${this.name}-${String(++this.shots).padStart(2, "0")}-${label.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  /**
   * One step of the story as a node:test subtest: on failure, a screenshot of the page as it
   * was, and the step, the screenshot and the page's errors in the message.
   */
  async step(t, label, fn) {
    // a story is a sequence: once a step failed, the later ones cannot mean anything
    if (this.failed) return t.test(label, { skip: `the step "${this.failed}" failed` }, () => {});
    await t.test(label, async () => {
      try {
        await fn(this.page);
        await this.shot(label);
      } catch (error) {
        this.failed = label;
        const path = await this.shot(`FAILED-${label}`).catch(() => "(no screenshot)");
        const url = this.page.url();
        error.message = `${this.name} story, step "${label}" failed at ${url}\n  screenshot: ${path}\n  ${error.message}${this.errors.length ? `\n  browser errors:\n    ${this.errors.slice(-5).join("\n    ")}` : ""}`;
        throw error;
      }
    });
  }

  async close() {
    await this.browser.close();
    await this.server.close();
  }
}

/** Serves the app and opens `query` in a fresh Chromium (a new, empty profile). */
export async function openApp(name, query) {
  const server = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const story = new Story(name, page, browser, server);
  await page.goto(`${server.url}${query}`);
  return story;
}

/** The app in playground mode, once the demo DAO is deployed. */
export async function openPlayground(name) {
  const story = await openApp(name, "?mode=playground#/overview");
  await story.page.getByRole("heading", { name: "DAO overview" }).waitFor({ timeout: 180_000 });
  return story;
}

// ---- page helpers: each waits for what it needs and fails with what it expected ----

/** Waits until `locator` shows text matching `expected`; fails with what it showed instead. */
export async function expectText(locator, expected, what = "the element") {
  const deadline = Date.now() + TIMEOUT;
  let last = "";
  while (Date.now() < deadline) {
    last = (await locator.first().innerText().catch(() => "(not on the page)")) ?? "";
    if (typeof expected === "string" ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${what} to show ${expected}, but it showed:\n    ${last.replace(/\n/g, "\n    ").slice(0, 1500)}`);
}

export async function actAs(page, name) {
  const select = page.getByLabel("Acting as");
  const value = await select.locator("option", { hasText: new RegExp(`^${name} \\(`) }).getAttribute("value");
  await select.selectOption(value);
  await expectText(page.getByTestId("account-summary"), /voting power/, "the account summary");
}

export async function go(page, path) {
  await page.evaluate((p) => (window.location.hash = `/${p}`), path);
}

export async function moveClock(page, days) {
  const before = await page.getByTestId("clock").innerText();
  const form = page.getByRole("form", { name: "Move the clock forward by days" });
  await form.getByLabel("Days").fill(String(days));
  await form.getByRole("button", { name: "Move clock" }).click();
  const deadline = Date.now() + TIMEOUT;
  while ((await page.getByTestId("clock").innerText()) === before) {
    if (Date.now() > deadline) throw new Error(`the clock did not move from ${before}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for the transaction status next to `scope` to say it was included, or fails with the error shown. */
export async function expectIncluded(scope, what) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    if (await scope.getByText(/Included in block \d+/).first().isVisible().catch(() => false)) return;
    const alert = scope.getByRole("alert");
    if (await alert.first().isVisible().catch(() => false)) throw new Error(`${what} failed: ${await alert.first().innerText()}`);
    if (Date.now() > deadline) throw new Error(`${what}: no "Included in block" within ${TIMEOUT} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Parses "1,234.5 CMN" to a number of whole tokens. */
export function amountIn(text, symbol) {
  const match = new RegExp(`([\\d,]+(?:\\.\\d+)?) ${symbol}`).exec(text);
  if (!match) throw new Error(`no ${symbol} amount in: ${text}`);
  return Number(match[1].replace(/,/g, ""));
}
