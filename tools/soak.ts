/**
 * npm run soak [-- --limit N] [--firefox N] [--jobs N] [--only REGEX]
 *
 * The robustness proof over real pages: every page of ../shared/corpus/ (news-pages, readability
 * test pages, extraction benchmark) is loaded in headless Chromium with the built extension, and a
 * spread of them (50 by default) in Firefox ESR; each page is also loaded in the same browser
 * WITHOUT the extension, and the two runs are compared. Per browser it reports: pages loaded, errors
 * thrown by extension code, pages whose DOM or whose selected text differs from the run without the
 * extension (our card host, `<div data-backstory-host>`, removed before comparing), and network requests made only
 * in the run with the extension.
 *
 * How each figure is observed:
 * - Page JavaScript is disabled in both runs by serving every page with the header
 *   `Content-Security-Policy: script-src 'none'` (content scripts are not subject to the page's
 *   CSP), so that nondeterministic site scripts cannot cause false differences. Meta refresh tags
 *   are stripped when serving (both runs), so no page navigates away.
 * - Errors: 'pageerror' and console errors/warnings whose text, location or stack names a
 *   chrome-extension:// or moz-extension:// URL; in Chromium also the service worker's console,
 *   with error/unhandledrejection listeners added to it. Errors the content script catches and
 *   logs ("Backstory stood down") are counted apart. Page errors naming no URL (Firefox gives an
 *   unhandled rejection no stack) are listed as unattributed; with page scripts disabled there
 *   should be none.
 * - Network: every browser is given a sink HTTP proxy (127.0.0.1) that answers every non-local
 *   request at once with 502 and logs it, and the page server logs every request it gets; so every
 *   request any part of the browser makes (page, content script, background) is seen, whatever
 *   the browser reports. A request made in the run with the extension but not in the run without
 *   it, for the same page, is the extension's. In Chromium every request of the service worker
 *   (context 'request' with request.serviceWorker()) is counted too.
 * - DOM: document.documentElement.outerHTML after the extension has reported its page summary to
 *   the background (read from storage.session; at most 5 s), our card host removed.
 * - Selection: document.getSelection().selectAllChildren(document.body), then toString().
 * - When the two runs' DOM or selected text differ, both pages are read again after their load event
 *   and 500 ms; if they still differ, both are loaded again, and the second load's comparison counts
 *   (the first is kept in soak.json as `retried`): images failing to load at different moments
 *   change layout, and so the line breaks of the selected text. A difference the extension makes is
 *   there every time.
 *
 * Raw results: test-output/soak.json. Exits 1 when a must-be-0 figure is not 0.
 */
import { chromium, type BrowserContext, type Page as PwPage, type Request, type Worker } from "playwright-core";
import puppeteer, { type Browser as PpBrowser } from "puppeteer-core";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { corpusBytes, corpusDir, corpusFolders, META_REFRESH } from "./lib/corpus";
import { CHROMIUM, FIREFOX, FIREFOX_ID, QUIET_CHROMIUM, withExtension } from "./lib/browsers";

const root = process.cwd();
const CORPUS = process.env.BACKSTORY_CORPUS ?? corpusDir(root);
const OUTPUT = path.join(root, "test-output");
const SUMMARY_TIMEOUT_MS = 5_000;
const LOAD_TIMEOUT_MS = 20_000;
/** The extension runs at document_idle and is waited for by its summary; the pages' images need not finish. */
const LOAD_EVENT = "domcontentloaded" as const;
/** Any extension URL; narrowed to our own extension's origin once it is known (pages may name other extensions' URLs). */
let EXTENSION_URL = /(chrome|moz)-extension:\/\//;
const ourOrigin = (origin: string) => (EXTENSION_URL = new RegExp(origin.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")));

function argValue(name: string): number | null {
  const i = process.argv.indexOf(name);
  if (i < 0) return null;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} wants a whole number`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// The corpus

interface CorpusPage {
  id: string;
  file: string;
}

function corpusPages(): CorpusPage[] {
  // Ids as the soak has always named them (its reports and --only use them).
  const prefix = { "news-article": "news-article", "news-not-article": "news-not-article", readability: "readability", extraction: "benchmark" } as const;
  const sources = corpusFolders(CORPUS).map((folder) => folder.map((p) => ({ id: `${prefix[p.group]}/${p.name}`, file: p.file })));
  // Interleaved, so that --limit samples every source.
  const pages: CorpusPage[] = [];
  for (let i = 0; sources.some((s) => i < s.length); i++) for (const s of sources) if (i < s.length) pages.push(s[i]!);
  return pages;
}

function pageHtml(page: CorpusPage): Buffer {
  // latin1 round-trips every byte: the page's own charset declaration still decides how it is read.
  return Buffer.from(corpusBytes(page.file).toString("latin1").replace(META_REFRESH, ""), "latin1");
}

// ---------------------------------------------------------------------------------------------
// Servers: one page server and one sink proxy per run, each logging what it receives

interface Log {
  current: string[];
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
}

async function pageServer(pages: CorpusPage[], log: Log): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    log.current.push(`${req.method} local:${req.url}`);
    const m = /^\/p\/(\d+)\/page\.html(\?.*)?$/.exec(req.url ?? "");
    const page = m ? pages[Number(m[1])] : undefined;
    if (!page) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    const html = pageHtml(page);
    // A page that declares no charset is served as UTF-8 (the corpus's encoding): a guessed encoding can differ from load to load.
    const declared = /charset\s*=/i.test(html.subarray(0, 4096).toString("latin1"));
    const type = declared ? "text/html" : "text/html; charset=utf-8";
    res.writeHead(200, { "content-type": type, "content-security-policy": "script-src 'none'" }).end(html);
  });
  const port = await listen(server);
  return { server, base: `http://127.0.0.1:${port}` };
}

/** An HTTP proxy that answers every request with 502 (and refuses every CONNECT), logging each. */
async function sinkProxy(log: Log): Promise<{ server: Server; port: number }> {
  const server = createServer((req: IncomingMessage, res) => {
    log.current.push(`${req.method} ${req.url}`);
    res.writeHead(502, { "content-type": "text/plain", connection: "close" }).end("offline");
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  server.on("connect", (req: IncomingMessage, socket) => {
    socket.on("error", () => undefined);
    log.current.push(`CONNECT https://${req.url}`);
    socket.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n");
  });
  return { server, port: await listen(server) };
}

// ---------------------------------------------------------------------------------------------
// What one page load gives

interface Snapshot {
  loaded: boolean;
  loadError: string | null;
  dom: string;
  selection: string;
  /** Ranges in our highlights, as the page world sees CSS.highlights. */
  painted: number;
  summary: { isArticle: boolean; entities: number; unknown: number } | null;
  extensionErrors: string[];
  standDowns: string[];
  unattributedErrors: string[];
  requests: string[];
  /** Requests the browser attributes to extension code (Chromium: initiator stack or service worker). */
  attributed: string[];
  /** ms to load, to the summary, to read. */
  phases: number[];
  /** The two runs first differed and were read again after their load event. */
  reread?: boolean;
  /** They still differed, so both pages were loaded again; this was the first load's difference. */
  retried?: { domDiff: string | null; selectionDiff: string | null };
  ms: number;
}

interface Result {
  id: string;
  browser: "chromium" | "firefox";
  loaded: boolean;
  loadError: string | null;
  summary: Snapshot["summary"];
  painted: number;
  extensionErrors: string[];
  standDowns: string[];
  unattributedErrors: string[];
  domDiff: string | null;
  selectionDiff: string | null;
  extensionRequests: string[];
  /** Requests only in the run with the extension but to a host the page itself names: the page's own resources, loaded at a different moment (not counted). */
  timingOnly: string[];
  /** Requests attributed to our script that the page makes as often without the extension (not counted). */
  pagesOwnAttributed: string[];
  reread: boolean;
  retried: { domDiff: string | null; selectionDiff: string | null } | null;
  phases: number[];
  /** Every request seen in each run, for the record. */
  requests: { withExtension: string[]; without: string[] };
  ms: number;
}

/** Runs in the page: the document without our host, the text a select-all copies, and our painted range count. */
function probePage(): { dom: string; selection: string; painted: number } {
  const clone = document.documentElement.cloneNode(true) as Element;
  for (const host of Array.from(clone.querySelectorAll(":scope > div[data-backstory-host]"))) host.remove();
  const selection = document.getSelection();
  let text = "";
  if (selection && document.body) {
    selection.selectAllChildren(document.body);
    text = selection.toString();
    selection.removeAllRanges();
  }
  let painted = 0;
  for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>) if (name.startsWith("backstory-")) painted += h.size;
  return { dom: clone.outerHTML, selection: text, painted };
}

function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: with …${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}… without …${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}…`;
}

/** Messages the browser itself reports into the page's console: not errors of any script. */
const isBrowserReport = (text: string) => /Content[- ]Security[- ]Policy|Security Error: Content at|violates the following Content Security Policy|character encoding|Cross-Origin Request Blocked|downloadable font|Loading failed for|was blocked because|Mixed Content|Failed to load resource/i.test(text);
const isStandDown = (text: string) => /Backstory stood down/.test(text);

/** The host of a logged request ("GET http://h/x", "CONNECT https://h:443", "SW GET …", "local:/x"), or null for the local server. */
function hostOf(entry: string): string | null {
  const url = entry.split(" ").find((w) => /^https?:\/\//.test(w));
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Firefox's own services (settings, telemetry, safe browsing), which its sink log sees at any moment. */
const FIREFOX_SERVICES = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|services\.mozilla\.com)$/;

function compare(id: string, browser: Result["browser"], ext: Snapshot, base: Snapshot, html: string, previousHtml = ""): Result {
  const baseline = new Set(base.requests);
  const extra = ext.requests.filter((r) => !baseline.has(r) && !r.startsWith("SW "));
  // A request to a host that the page's own HTML names is the page's (its timing varies between loads);
  // in Firefox, whose requests are seen in the sink's log by time, so is one the previous page names
  // (a late request of a closed tab), and one to Firefox's own services.
  const pageNames = (r: string) => {
    const host = hostOf(r);
    if (host === null) {
      const file = r.slice(r.indexOf("local:") + 6).split("?")[0]!.replace(/^\//, "");
      // /favicon.ico is the browser's own request for the tab, made at a moment of its choosing.
      return r.includes("local:") && (file === "favicon.ico" || html.includes(file) || (browser === "firefox" && previousHtml.includes(file)));
    }
    return host === "127.0.0.1" || html.includes(host) || (browser === "firefox" && (previousHtml.includes(host) || FIREFOX_SERVICES.test(host)));
  };
  // A request the browser attributes to our script but that the page makes as often without the
  // extension is the page's own resource whose load our style read happened to start (a CSS
  // background image starts loading when style is first computed; theme.ts reads computed styles).
  const count = (list: string[], key: string) => list.filter((r) => r === key).length;
  const pagesOwn = (r: string) => {
    const key = r.replace(/ \(initiator .*$/s, "").replace(/^(\w+) http:\/\/127\.0\.0\.1:\d+/, "$1 local:");
    return count(ext.requests, key) <= count(base.requests, key) && count(base.requests, key) > 0;
  };
  return {
    id,
    browser,
    loaded: ext.loaded && base.loaded,
    loadError: ext.loadError ?? base.loadError,
    summary: ext.summary,
    painted: ext.painted,
    extensionErrors: ext.extensionErrors,
    standDowns: ext.standDowns,
    unattributedErrors: ext.unattributedErrors,
    domDiff: ext.loaded && base.loaded ? firstDifference(ext.dom, base.dom) : null,
    selectionDiff: ext.loaded && base.loaded ? firstDifference(ext.selection, base.selection) : null,
    extensionRequests: [...new Set([...ext.attributed.filter((r) => !pagesOwn(r)), ...ext.requests.filter((r) => r.startsWith("SW ")), ...extra.filter((r) => !pageNames(r))])],
    pagesOwnAttributed: ext.attributed.filter(pagesOwn),
    timingOnly: extra.filter(pageNames),
    reread: ext.reread ?? false,
    retried: ext.retried ?? null,
    phases: ext.phases,
    requests: { withExtension: ext.requests, without: base.requests },
    ms: ext.ms,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function poll<T>(fn: () => Promise<T | null>, timeoutMs: number): Promise<T | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => null);
    if (value !== null || Date.now() > until) return value;
    await sleep(40);
  }
}

type StoredSummary = { isArticle: boolean; entities: unknown[]; unknown: unknown[] };

/** Runs in an extension context: the summary of the first tab whose id is above `after`. */
async function newestSummary(after: number): Promise<{ tab: number; summary: StoredSummary } | null> {
  const g = globalThis as unknown as { browser?: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } }; chrome?: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } };
  const all = await (g.browser ?? g.chrome)!.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    const tab = Number(key.replace("tab:", ""));
    if (tab > after) return { tab, summary: value as StoredSummary };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Chromium: the extension in one persistent context, the baseline in a second one, side by side;
// JOBS pages at a time, each job slot with its own page server port, so that the background's
// per-tab summary (which names the host, port included) tells which slot a summary belongs to.

/** Runs in the service worker: the summary of a tab above `after` whose page is on `host`. */
async function newestSummaryOn(arg: { after: number; host: string }): Promise<{ tab: number; summary: StoredSummary } | null> {
  const g = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } };
  const all = await g.chrome.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    const tab = Number(key.replace("tab:", ""));
    if (tab > arg.after && (value as { host?: string }).host === arg.host) return { tab, summary: value as StoredSummary };
  }
  return null;
}

async function soakChromium(pages: CorpusPage[], jobs: number, onResult: (r: Result) => void): Promise<number> {
  const started = Date.now();
  const discard: Log = { current: [] };
  const slots = await Promise.all(Array.from({ length: jobs }, async () => ({ ext: await pageServer(pages, { current: [] }), base: await pageServer(pages, { current: [] }), lastTab: 0 })));
  // The sinks only make every non-local request fail at once; the requests compared are the browser's request events.
  const extSink = await sinkProxy(discard);
  const baseSink = await sinkProxy(discard);
  const ext = path.join(root, "dist/chrome");
  const profile = mkdtempSync(path.join(tmpdir(), "backstory-soak-"));
  const baseProfile = mkdtempSync(path.join(tmpdir(), "backstory-soak-base-"));
  const common = QUIET_CHROMIUM;
  const launchOptions = { executablePath: CHROMIUM!, headless: true, viewport: { width: 1200, height: 900 } };
  const ctx: BrowserContext = await chromium.launchPersistentContext(profile, {
    ...launchOptions,
    args: [...withExtension(ext), `--proxy-server=http://127.0.0.1:${extSink.port}`, ...common],
  });
  // The baseline is a persistent context too: an off-the-record context preconnects differently.
  const baseCtx: BrowserContext = await chromium.launchPersistentContext(baseProfile, { ...launchOptions, args: [`--proxy-server=http://127.0.0.1:${baseSink.port}`, ...common] });

  // The service worker: its console, its uncaught errors, its requests (all counted, whichever page is open).
  const inFlight = new Set<Snapshot>();
  const background = (line: string) => {
    for (const snap of inFlight) snap.extensionErrors.push(line);
    if (inFlight.size === 0) backgroundOutside.push(line);
  };
  const backgroundOutside: string[] = [];
  const watchWorker = (w: Worker) => {
    w.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") background(`service worker console.${m.type()}: ${m.text()}`);
    });
    void w.evaluate(() => {
      self.addEventListener("error", (e) => console.error(`uncaught: ${e.message} at ${e.filename}:${e.lineno}`));
      self.addEventListener("unhandledrejection", (e) => console.error(`unhandled rejection: ${String((e.reason as Error)?.stack ?? e.reason)}`));
    }).catch(() => undefined);
  };
  let worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
  ourOrigin(`chrome-extension://${new URL(worker.url()).host}`); // (URL.origin is "null" for this scheme)
  watchWorker(worker);
  ctx.on("serviceworker", (w) => {
    worker = w;
    watchWorker(w);
  });
  const swRequests: string[] = [];
  ctx.on("request", (r: Request) => {
    if (!r.serviceWorker()) return;
    const line = `SW ${r.method()} ${r.url()}`;
    if (inFlight.size === 0) swRequests.push(line);
    for (const snap of inFlight) snap.attributed.push(line);
  });
  for (const p of [...ctx.pages(), ...baseCtx.pages()]) await p.close();

  /**
   * Loads page `index` and reads it once `ready` resolves: the run with the extension waits for its
   * summary and then calls setReady; the run without it waits for that, so both are read after the
   * same time. The caller closes both pages once both are read.
   */
  const open = async (slot: (typeof slots)[number], withExtension: boolean, index: number, ready: Promise<unknown>, setReady: () => void): Promise<Opened> => {
    const t0 = Date.now();
    const snap: Snapshot = { loaded: false, loadError: null, dom: "", selection: "", painted: 0, summary: null, extensionErrors: [], standDowns: [], unattributedErrors: [], requests: [], attributed: [], phases: [], ms: 0 };
    const context = withExtension ? ctx : baseCtx;
    const base = withExtension ? slot.ext.base : slot.base.base;
    if (withExtension) inFlight.add(snap);
    const page: PwPage = await context.newPage();
    page.on("request", (r) => {
      if (/^https?:/.test(r.url())) snap.requests.push(`${r.method()} ${r.url().replace(/^http:\/\/127\.0\.0\.1:\d+/, "local:")}`);
    });
    if (withExtension) {
      // The initiator of each request: a stack in extension code means the extension asked for it.
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      cdp.on("Network.requestWillBeSent", (e) => {
        const initiator = JSON.stringify(e.initiator);
        if (EXTENSION_URL.test(initiator) || EXTENSION_URL.test(e.documentURL ?? "")) snap.attributed.push(`${e.request.method} ${e.request.url} (initiator ${initiator.slice(0, 300)})`);
      });
    }
    page.on("pageerror", (e) => {
      const text = `${e.message}\n${e.stack ?? ""}`;
      if (EXTENSION_URL.test(text)) snap.extensionErrors.push(`pageerror: ${text}`);
      else if (!isBrowserReport(text)) snap.unattributedErrors.push(`pageerror: ${text}`);
    });
    page.on("console", (m) => {
      const where = m.location().url;
      const text = m.text();
      if (!EXTENSION_URL.test(where) && !EXTENSION_URL.test(text)) return;
      if (isStandDown(text)) snap.standDowns.push(text);
      else if (m.type() === "error" || m.type() === "warning") snap.extensionErrors.push(`console.${m.type()} (${where}): ${text}`);
    });
    try {
      await page.goto(`${base}/p/${index}/page.html`, { waitUntil: LOAD_EVENT, timeout: LOAD_TIMEOUT_MS });
      snap.loaded = true;
      snap.phases.push(Date.now() - t0);
      if (withExtension) {
        const host = new URL(base).host;
        const found = await poll(() => worker.evaluate(newestSummaryOn, { after: slot.lastTab, host }), SUMMARY_TIMEOUT_MS);
        if (found) {
          slot.lastTab = found.tab;
          snap.summary = { isArticle: found.summary.isArticle, entities: found.summary.entities.length, unknown: found.summary.unknown.length };
        }
      }
      snap.phases.push(Date.now() - t0);
      setReady();
      await ready;
      Object.assign(snap, await page.evaluate(probePage));
      snap.phases.push(Date.now() - t0);
    } catch (error) {
      snap.loadError = String(error).split("\n")[0]!;
    }
    setReady();
    snap.ms = Date.now() - t0;
    return {
      snap,
      reread: async () => {
        await page.waitForLoadState("load", { timeout: 5_000 }).catch(() => undefined);
        await sleep(500);
        Object.assign(snap, await page.evaluate(probePage).catch(() => ({})));
      },
      close: async () => {
        await page.close().catch(() => undefined);
        inFlight.delete(snap);
      },
    };
  };

  let next = 0;
  await Promise.all(slots.map(async (slot) => {
    for (let i = next++; i < pages.length; i = next++) {
      let setReady = () => {};
      const ready = new Promise<void>((resolve) => (setReady = resolve));
      let [a, b] = await Promise.all([open(slot, true, i, Promise.resolve(), setReady), open(slot, false, i, ready, () => undefined)]);
      const reread = await settle(a, b);
      await Promise.all([a.close(), b.close()]);
      a.snap.reread = reread;
      if (a.snap.dom !== b.snap.dom || a.snap.selection !== b.snap.selection) {
        // Still different: load both again. A difference the extension makes is there every time;
        // one that comes and goes is the page's layout settling differently (see `retried`).
        const first = compare(pages[i]!.id, "chromium", a.snap, b.snap, "");
        let again = () => {};
        const readyAgain = new Promise<void>((resolve) => (again = resolve));
        [a, b] = await Promise.all([open(slot, true, i, Promise.resolve(), again), open(slot, false, i, readyAgain, () => undefined)]);
        await settle(a, b);
        await Promise.all([a.close(), b.close()]);
        a.snap.reread = true;
        a.snap.retried = { domDiff: first.domDiff, selectionDiff: first.selectionDiff };
      }
      onResult(compare(pages[i]!.id, "chromium", a.snap, b.snap, pageHtml(pages[i]!).toString("latin1")));
    }
  }));
  if (backgroundOutside.length + swRequests.length > 0) {
    // Errors and requests of the service worker while no page was open: counted on a line of their own.
    onResult({ ...compare("(service worker, between pages)", "chromium", { ...emptySnapshot(), loaded: true, extensionErrors: backgroundOutside, attributed: swRequests }, { ...emptySnapshot(), loaded: true }, ""), loaded: false });
  }
  await ctx.close();
  await baseCtx.close();
  for (const slot of slots) {
    slot.ext.server.close();
    slot.base.server.close();
  }
  extSink.server.close();
  baseSink.server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(baseProfile, { recursive: true, force: true });
  return Date.now() - started;
}

interface Opened {
  snap: Snapshot;
  /** Waits for the load event and 500 ms more, and reads the page again. */
  reread(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Reads both pages again when their DOM or selected text differ: the first read is taken as soon as
 * the extension has reported, while the pages' images may still be failing to load (which changes
 * layout, and so the selected text's line breaks). A difference the extension made stays.
 */
async function settle(a: Opened, b: Opened): Promise<boolean> {
  if (a.snap.dom === b.snap.dom && a.snap.selection === b.snap.selection) return false;
  await Promise.all([a.reread(), b.reread()]);
  return true;
}

function emptySnapshot(): Snapshot {
  return { loaded: false, loadError: null, dom: "", selection: "", painted: 0, summary: null, extensionErrors: [], standDowns: [], unattributedErrors: [], requests: [], attributed: [], phases: [], ms: 0 };
}

// ---------------------------------------------------------------------------------------------
// Firefox: two browsers side by side, one with the extension installed, one without

async function launchFirefox(sinkPort: number, uuid: string): Promise<PpBrowser> {
  return puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX!,
    headless: true,
    defaultViewport: { width: 1200, height: 900 },
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [FIREFOX_ID]: uuid }),
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": sinkPort,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": sinkPort,
      "network.proxy.no_proxies_on": "",
      "network.proxy.allow_hijacking_localhost": false,
    },
  });
}

async function soakFirefox(pages: CorpusPage[], onResult: (r: Result) => void): Promise<number> {
  const started = Date.now();
  const extLog: Log = { current: [] };
  const baseLog: Log = { current: [] };
  const extServer = await pageServer(pages, extLog);
  const baseServer = await pageServer(pages, baseLog);
  const extSink = await sinkProxy(extLog);
  const baseSink = await sinkProxy(baseLog);
  const uuid = randomUUID();
  const [withExt, without] = await Promise.all([launchFirefox(extSink.port, uuid), launchFirefox(baseSink.port, randomUUID())]);
  ourOrigin(`moz-extension://${uuid}`);
  await withExt.installExtension(path.join(root, "dist/firefox"));
  // An extension page of ours, to read the background's per-tab summaries from.
  const probe = await withExt.newPage();
  probe.goto(`moz-extension://${uuid}/options.html`, { timeout: 0 }).catch(() => undefined);
  await probe.waitForFunction(() => location.protocol === "moz-extension:" && document.readyState === "complete", { timeout: 10_000, polling: 50 });
  let lastTab = (await probe.evaluate(() => (globalThis as unknown as { browser: { tabs: { getCurrent(): Promise<{ id: number }> } } }).browser.tabs.getCurrent())).id;

  const open = async (browser: PpBrowser, log: Log, base: string, index: number, withExtension: boolean, ready: Promise<unknown>, setReady: () => void): Promise<Opened> => {
    const t0 = Date.now();
    const snap: Snapshot = { loaded: false, loadError: null, dom: "", selection: "", painted: 0, summary: null, extensionErrors: [], standDowns: [], unattributedErrors: [], requests: [], attributed: [], phases: [], ms: 0 };
    log.current = snap.requests;
    const page = await browser.newPage();
    page.on("pageerror", (e) => {
      const err = e as Error;
      const text = `${err.message}\n${err.stack ?? ""}`;
      if (EXTENSION_URL.test(text)) snap.extensionErrors.push(`pageerror: ${text}`);
      else if (!isBrowserReport(text)) snap.unattributedErrors.push(`pageerror: ${text}`);
    });
    page.on("console", (m) => {
      const where = [m.location().url ?? "", ...m.stackTrace().map((f) => f.url ?? "")].join(" ");
      const text = m.text();
      if (!EXTENSION_URL.test(where) && !EXTENSION_URL.test(text)) return;
      if (isStandDown(text)) snap.standDowns.push(text);
      else if (m.type() === "error" || m.type() === "warn") snap.extensionErrors.push(`console.${m.type()} (${where}): ${text}`);
    });
    try {
      await page.goto(`${base}/p/${index}/page.html`, { waitUntil: LOAD_EVENT, timeout: LOAD_TIMEOUT_MS });
      snap.loaded = true;
      snap.phases.push(Date.now() - t0);
      if (withExtension) {
        const found = await poll(() => probe.evaluate(newestSummary, lastTab), SUMMARY_TIMEOUT_MS);
        if (found) {
          lastTab = found.tab;
          snap.summary = { isArticle: found.summary.isArticle, entities: found.summary.entities.length, unknown: found.summary.unknown.length };
        }
      }
      snap.phases.push(Date.now() - t0);
      setReady();
      await ready;
      Object.assign(snap, await page.evaluate(probePage));
      snap.phases.push(Date.now() - t0);
    } catch (error) {
      snap.loadError = String(error).split("\n")[0]!;
    }
    setReady();
    snap.ms = Date.now() - t0;
    return {
      snap,
      reread: async () => {
        await page.waitForNavigation({ waitUntil: "load", timeout: 5_000 }).catch(() => undefined);
        await sleep(500);
        Object.assign(snap, await page.evaluate(probePage).catch(() => ({})));
      },
      close: () => page.close().catch(() => undefined),
    };
  };

  for (let i = 0; i < pages.length; i++) {
    let setReady = () => {};
    const ready = new Promise<void>((resolve) => (setReady = resolve));
    let [a, b] = await Promise.all([
      open(withExt, extLog, extServer.base, i, true, Promise.resolve(), setReady),
      open(without, baseLog, baseServer.base, i, false, ready, () => undefined),
    ]);
    a.snap.reread = await settle(a, b);
    await Promise.all([a.close(), b.close()]);
    if (a.snap.dom !== b.snap.dom || a.snap.selection !== b.snap.selection) {
      const first = compare(pages[i]!.id, "firefox", a.snap, b.snap, "");
      let again = () => {};
      const readyAgain = new Promise<void>((resolve) => (again = resolve));
      const [a2, b2] = await Promise.all([
        open(withExt, extLog, extServer.base, i, true, Promise.resolve(), again),
        open(without, baseLog, baseServer.base, i, false, readyAgain, () => undefined),
      ]);
      await settle(a2, b2);
      await Promise.all([a2.close(), b2.close()]);
      a2.snap.reread = true;
      a2.snap.retried = { domDiff: first.domDiff, selectionDiff: first.selectionDiff };
      a2.snap.requests.unshift(...a.snap.requests);
      b2.snap.requests.unshift(...b.snap.requests);
      a = a2;
      b = b2;
    }
    onResult(compare(pages[i]!.id, "firefox", a.snap, b.snap, pageHtml(pages[i]!).toString("latin1"), i > 0 ? pageHtml(pages[i - 1]!).toString("latin1") : ""));
  }
  extLog.current = [];
  baseLog.current = [];
  await Promise.all([withExt.close(), without.close()]);
  for (const s of [extServer.server, baseServer.server, extSink.server, baseSink.server]) s.close();
  return Date.now() - started;
}

// ---------------------------------------------------------------------------------------------

interface Row {
  browser: string;
  pages: number;
  loaded: number;
  summaries: number;
  articles: number;
  painted: number;
  extensionErrors: number;
  standDowns: number;
  unattributed: number;
  domDiffs: number;
  selectionDiffs: number;
  extensionRequests: number;
  seconds: number;
}

function row(browser: string, results: Result[], ms: number): Row {
  return {
    browser,
    pages: results.length,
    loaded: results.filter((r) => r.loaded).length,
    summaries: results.filter((r) => r.summary).length,
    articles: results.filter((r) => r.summary?.isArticle).length,
    painted: results.filter((r) => r.painted > 0).length,
    extensionErrors: results.reduce((n, r) => n + r.extensionErrors.length, 0),
    standDowns: results.filter((r) => r.standDowns.length > 0).length,
    unattributed: results.reduce((n, r) => n + r.unattributedErrors.length, 0),
    domDiffs: results.filter((r) => r.domDiff).length,
    selectionDiffs: results.filter((r) => r.selectionDiff).length,
    extensionRequests: results.reduce((n, r) => n + r.extensionRequests.length, 0),
    seconds: Math.round(ms / 100) / 10,
  };
}

function table(rows: Row[]): string {
  const cols: [keyof Row, string][] = [
    ["browser", "browser"], ["loaded", "pages loaded"], ["summaries", "summaries"], ["articles", "articles"], ["painted", "pages marked"],
    ["extensionErrors", "extension errors (0)"], ["standDowns", "stood down"], ["unattributed", "unattributed errors"],
    ["domDiffs", "DOM diffs (0)"], ["selectionDiffs", "selection diffs (0)"], ["extensionRequests", "ext. requests (0)"], ["seconds", "time (s)"],
  ];
  const cells = rows.map((r) => cols.map(([k]) => (k === "loaded" ? `${r.loaded}/${r.pages}` : String(r[k]))));
  const widths = cols.map(([, h], i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((s, i) => s.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(cols.map(([, h]) => h)), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`soak: no corpus at ${CORPUS}; nothing to do.`);
    return;
  }
  const limit = argValue("--limit");
  const all = corpusPages();
  const only = process.argv.indexOf("--only");
  const chosen = only < 0 ? all : all.filter((p) => new RegExp(process.argv[only + 1] ?? "").test(p.id));
  const pages = limit === null ? chosen : chosen.slice(0, limit);
  if (pages.length === 0) {
    console.log(`soak: the corpus at ${CORPUS} holds no pages; nothing to do.`);
    return;
  }
  const firefoxCount = Math.min(argValue("--firefox") ?? 50, pages.length);
  // An even spread over the (interleaved) list.
  const firefoxPages = firefoxCount === 0 ? [] : Array.from({ length: firefoxCount }, (_, k) => pages[Math.floor((k * pages.length) / firefoxCount)]!);
  console.log(`soak: ${pages.length} pages from ${CORPUS} in Chromium, ${firefoxPages.length} in Firefox ESR; page JavaScript disabled (CSP script-src 'none') in every run.`);

  const results: Result[] = [];
  const rows: Row[] = [];
  let done = 0;
  const progress = (r: Result) => {
    results.push(r);
    done += 1;
    const bad = r.extensionErrors.length + (r.domDiff ? 1 : 0) + (r.selectionDiff ? 1 : 0) + r.extensionRequests.length;
    if (bad > 0 || !r.loaded) console.log(`  ${r.browser} ${r.id}: ${!r.loaded ? `not loaded (${r.loadError}) ` : ""}${bad > 0 ? "PROBLEM (see soak.json)" : ""}`);
    else if (done % 50 === 0) console.log(`  ${done} pages done`);
  };
  if (!CHROMIUM) console.log("soak: no chromium installed; skipping Chromium");
  else {
    const ms = await soakChromium(pages, argValue("--jobs") ?? 3, progress);
    rows.push(row("chromium", results.filter((r) => r.browser === "chromium"), ms));
  }
  if (!FIREFOX) console.log("soak: no firefox-esr installed; skipping Firefox");
  else if (firefoxPages.length > 0) {
    const ms = await soakFirefox(firefoxPages, progress);
    rows.push(row("firefox", results.filter((r) => r.browser === "firefox"), ms));
  }

  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(path.join(OUTPUT, "soak.json"), JSON.stringify({ corpus: CORPUS, javascript: "disabled in every run by CSP script-src 'none'", rows, results }, null, 1));
  console.log();
  console.log(table(rows));
  console.log("\n(0) = must be 0. Raw results: test-output/soak.json");
  const failed = rows.some((r) => r.extensionErrors + r.domDiffs + r.selectionDiffs + r.extensionRequests > 0);
  if (failed) {
    console.log("soak: FAILED: a must-be-0 figure is not 0");
    process.exitCode = 1;
  }
}

await main();
