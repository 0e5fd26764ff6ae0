/**
 * Drives the built extension in real browsers: Chromium through playwright-core,
 * Firefox ESR through puppeteer-core over WebDriver BiDi (see docs/testing.md).
 * Both are wrapped in one small interface, so each test is written once.
 */
import type { BrowserContext, Page as PwPage } from "playwright-core";
import type { Browser as PpBrowser, Page as PpPage } from "puppeteer-core";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { CHROMIUM, FIREFOX, launchChromium as launchChromiumWith, launchFirefox as launchFirefoxWith } from "../../tools/lib/browsers";

export type BrowserName = "chromium" | "firefox";

/** A page error or console message, as the test driver reported it. */
export interface PageMessage {
  kind: "pageerror" | "console";
  /** The console method ("error", "warning"/"warn", "debug"…), or "error" for a page error. */
  type: string;
  text: string;
  /** The script URLs named by the message's location and stack. */
  where: string;
}

export interface TestPage {
  /** The browser this page is in. */
  browser: TestBrowser;
  /** Page errors and console messages since the page opened (content scripts' included). */
  messages: PageMessage[];
  goto(url: string): Promise<void>;
  evaluate<T>(fn: () => T): Promise<T>;
  evaluateWith<A, T>(fn: (arg: A) => T, arg: A): Promise<T>;
  waitFor(fn: () => unknown, timeoutMs?: number): Promise<void>;
  /** Runs a script's source in the page (not subject to the page's CSP). */
  evaluateScript(source: string): Promise<unknown>;
  mouseMove(x: number, y: number): Promise<void>;
  /** A real mouse click at a viewport point. */
  mouseClick(x: number, y: number): Promise<void>;
  close(): Promise<void>;
  press(key: string): Promise<void>;
  /** Makes this the selected tab: hidden tabs get no animation frames. */
  bringToFront(): Promise<void>;
  /**
   * Switches the page's prefers-color-scheme while it is open, as the reader's system theme changing would;
   * null where the driver cannot (Firefox over WebDriver BiDi sets the scheme only at launch).
   */
  setColorScheme: ((scheme: "light" | "dark") => Promise<void>) | null;
  click(selector: string): Promise<void>;
  screenshot(file: string): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  newPage(): Promise<TestPage>;
  /** Opens the extension page at `file` ("popup.html?tab=3") in a new tab. */
  openExtensionPage(file: string): Promise<TestPage>;
  /**
   * One extension page kept open for asking content scripts things over
   * tabs.sendMessage, a channel pages cannot use (see tests/e2e/page.ts card()).
   * Opened on first use, in a tab of its own.
   */
  control(): Promise<TestPage>;
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");
/** The test builds (build.mjs): as shipped, plus the tests' view of the card (src/content/testing.ts). */
const DIST = path.join(root, "dist/test");
export const OUTPUT = path.join(root, "test-output");
mkdirSync(OUTPUT, { recursive: true });

export function installed(name: BrowserName): boolean {
  return (name === "chromium" ? CHROMIUM : FIREFOX) !== undefined;
}

export interface LaunchOptions {
  /** prefers-color-scheme for pages and extension pages. */
  colorScheme?: "light" | "dark";
  /** A profile folder to reuse across launches (kept on close); a fresh temporary one otherwise. */
  profile?: string;
  /** The reader's default font size in px (the browsers' own default is 16). */
  defaultFontSize?: number;
  /** The window's inner size; 1200 × 900 unless given. */
  viewport?: { width: number; height: number };
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<TestBrowser> {
  return name === "chromium" ? launchChromium(options) : launchFirefox(options);
}

async function launchChromium(options: LaunchOptions): Promise<TestBrowser> {
  const ext = path.join(DIST, "chrome");
  const profile = options.profile ?? mkdtempSync(path.join(tmpdir(), "backstory-chromium-"));
  if (options.defaultFontSize !== undefined) {
    // Chromium reads the font settings from the profile's preferences; there is no switch for them.
    mkdirSync(path.join(profile, "Default"), { recursive: true });
    writeFileSync(path.join(profile, "Default", "Preferences"), JSON.stringify({ webkit: { webprefs: { default_font_size: options.defaultFontSize } } }));
  }
  const ctx: BrowserContext = await launchChromiumWith(profile, {
    extension: ext,
    // HEADED=1 shows the browser (on a machine without a display: xvfb-run -a), see docs/testing.md.
    headless: !process.env.HEADED,
    viewport: options.viewport ?? { width: 1200, height: 900 },
    colorScheme: options.colorScheme ?? "light",
  });
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
  const extensionId = new URL(worker.url()).host;
  let self: TestBrowser;
  const wrap = (page: PwPage): TestPage => ({
    get browser() {
      return self;
    },
    messages: listen(page),
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn) => page.evaluate(fn),
    evaluateWith: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateScript: (source) => page.evaluate(source),
    waitFor: (fn, timeout = 10_000) => until(() => page.evaluate(fn), timeout),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    close: () => page.close(),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
    setColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    click: (selector) => page.click(selector),
    // What the window shows, straight from the compositor: Playwright's own screenshot captures a blank region of
    // a zoomed, scrolled page (tabs.setZoom), and restyles text fields to hide the caret (leaving style="" on them).
    async screenshot(file) {
      const cdp = await ctx.newCDPSession(page);
      try {
        const { data } = await cdp.send("Page.captureScreenshot", { format: "png" });
        writeFileSync(file, Buffer.from(data, "base64"));
      } finally {
        await cdp.detach();
      }
    },
  });
  self = {
    name: "chromium",
    newPage: async () => wrap(await ctx.newPage()),
    async openExtensionPage(file) {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return wrap(page);
    },
    control: once(() => self.openExtensionPage(CONTROL_PAGE)),
    async close() {
      await ctx.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
  return self;
}

async function launchFirefox(options: LaunchOptions): Promise<TestBrowser> {
  // Firefox keys an add-on's storage.local by its moz-extension:// host: a reused profile keeps it, as an installed add-on keeps its own.
  const uuidFile = options.profile ? path.join(options.profile, "backstory-uuid") : null;
  const uuid = uuidFile && existsSync(uuidFile) ? readFileSync(uuidFile, "utf8") : randomUUID();
  if (uuidFile) writeFileSync(uuidFile, uuid);
  const browser: PpBrowser = await launchFirefoxWith({
    uuid,
    // HEADED=1 shows the browser (on a machine without a display: xvfb-run -a), see docs/testing.md.
    headless: !process.env.HEADED,
    viewport: options.viewport ?? { width: 1200, height: 900 },
    ...(options.profile ? { userDataDir: options.profile } : {}),
    prefs: {
      // A temporary add-on's storage survives its removal at close, so a restart can find it.
      "extensions.webextensions.keepStorageOnUninstall": true,
      // 0 = dark, 1 = light, for web content and extension pages alike.
      "layout.css.prefers-color-scheme.content-override": options.colorScheme === "dark" ? 0 : 1,
      ...(options.defaultFontSize !== undefined ? { "font.size.variable.x-western": options.defaultFontSize } : {}),
    },
  });
  await browser.installExtension(path.join(DIST, "firefox"));
  let self: TestBrowser;
  const wrap = (page: PpPage): TestPage => ({
    get browser() {
      return self;
    },
    messages: listenPp(page),
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn) => page.evaluate(fn) as never,
    evaluateWith: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateScript: (source) => page.evaluate(source),
    waitFor: (fn, timeout = 10_000) => until(() => page.evaluate(fn), timeout),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    close: () => page.close(),
    press: (key) => page.keyboard.press(key as never),
    bringToFront: () => page.bringToFront(),
    setColorScheme: null,
    click: (selector) => page.click(selector),
    screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png` })),
  });
  self = {
    name: "firefox",
    newPage: async () => wrap(await browser.newPage()),
    control: once(() => self.openExtensionPage(CONTROL_PAGE)),
    async openExtensionPage(file) {
      const page = await browser.newPage();
      // goto() never resolves for moz-extension:// over BiDi: start it and wait for the document.
      page.goto(`moz-extension://${uuid}/${file}`, { timeout: 0 }).catch(() => undefined);
      await until(() => page.evaluate(() => location.protocol === "moz-extension:" && document.readyState === "complete"), 10_000);
      return wrap(page);
    },
    async close() {
      await browser.close();
    },
  };
  return self;
}

/** The popup for a tab that does not exist: an extension page that shows nothing and does nothing. */
const CONTROL_PAGE = "popup.html?tab=2147483647";

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
}

/**
 * Polls a condition every 50 ms. Used instead of the drivers' own
 * waitForFunction, whose long-lived polling script now and then dies with a
 * protocol error over BiDi; an evaluation that fails (a navigation, a busy
 * page) is simply tried again.
 */
export async function until(check: () => Promise<unknown>, timeoutMs: number, what: () => string = () => "a page condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      if (await check()) return;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) throw new Error(`waited ${timeoutMs} ms for ${what()}${lastError ? `; last error: ${String(lastError)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function listen(page: PwPage): PageMessage[] {
  const messages: PageMessage[] = [];
  page.on("pageerror", (e) => messages.push({ kind: "pageerror", type: "error", text: e.message, where: e.stack ?? "" }));
  page.on("console", (m) => messages.push({ kind: "console", type: m.type(), text: m.text(), where: m.location().url }));
  return messages;
}

function listenPp(page: PpPage): PageMessage[] {
  const messages: PageMessage[] = [];
  page.on("pageerror", (e) => messages.push({ kind: "pageerror", type: "error", text: (e as Error).message, where: (e as Error).stack ?? "" }));
  page.on("console", (m) => messages.push({ kind: "console", type: m.type(), text: m.text(), where: [m.location().url ?? "", ...m.stackTrace().map((f) => f.url ?? "")].join(" ") }));
  return messages;
}
