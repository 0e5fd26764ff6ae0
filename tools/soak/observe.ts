// What one page load gives, and how a run with the extension is compared with one without it.
import { poll, sleep } from "../lib/wait";

export const SUMMARY_TIMEOUT_MS = 5_000;
export const LOAD_TIMEOUT_MS = 20_000;
/** The extension runs at document_idle and is waited for by its summary; the pages' images need not finish. */
export const LOAD_EVENT = "domcontentloaded" as const;
/** Any extension URL; narrowed to our own extension's origin once it is known (pages may name other extensions' URLs). */
export let EXTENSION_URL = /(chrome|moz)-extension:\/\//;
export const ourOrigin = (origin: string) => (EXTENSION_URL = new RegExp(origin.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")));

export interface Snapshot {
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

export interface Result {
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
export function probePage(): { dom: string; selection: string; painted: number } {
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
export const isBrowserReport = (text: string) => /Content[- ]Security[- ]Policy|Security Error: Content at|violates the following Content Security Policy|character encoding|Cross-Origin Request Blocked|downloadable font|Loading failed for|was blocked because|Mixed Content|Failed to load resource/i.test(text);
export const isStandDown = (text: string) => /Backstory stood down/.test(text);

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

export function compare(id: string, browser: Result["browser"], ext: Snapshot, base: Snapshot, html: string, previousHtml = ""): Result {
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

export interface Opened {
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
export async function settle(a: Opened, b: Opened): Promise<boolean> {
  if (a.snap.dom === b.snap.dom && a.snap.selection === b.snap.selection) return false;
  await Promise.all([a.reread(), b.reread()]);
  return true;
}

export function emptySnapshot(): Snapshot {
  return { loaded: false, loadError: null, dom: "", selection: "", painted: 0, summary: null, extensionErrors: [], standDowns: [], unattributedErrors: [], requests: [], attributed: [], phases: [], ms: 0 };
}

/** The page summary's fields the soak counts. */
export type StoredSummary = { host: string; isArticle: boolean; entities: unknown[]; unknown: unknown[] };

/**
 * Runs in an extension context (an extension page, the service worker): the summary of the first tab whose id is
 * above `after` and, given a host, whose page is on it. The background stores `{ document, summary }` per tab.
 */
export async function newestSummary(arg: { after: number; host: string | null }): Promise<{ tab: number; summary: StoredSummary } | null> {
  const g = globalThis as unknown as { browser?: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } }; chrome?: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } };
  const all = await (g.browser ?? g.chrome)!.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    const tab = Number(key.replace("tab:", ""));
    const summary = (value as { summary?: StoredSummary }).summary;
    if (tab > arg.after && summary && (arg.host === null || summary.host === arg.host)) return { tab, summary };
  }
  return null;
}

/** What loading and reading a page needs of a browser driver (playwright's page, puppeteer's). */
export interface PageDriver {
  goto(url: string): Promise<unknown>;
  /** Waits for the load event (at most 5 s). */
  loaded(): Promise<unknown>;
  probe(): Promise<ReturnType<typeof probePage>>;
}

type FoundSummary = { tab: number; summary: StoredSummary };

/**
 * Loads a page into `snap` and reads it once `ready` resolves (see the callers' `open`); `summary`, for the run with
 * the extension, asks for its page summary. Returns the summary found, if any. `t0`: when the caller began.
 */
export async function loadAndRead(snap: Snapshot, page: PageDriver, url: string, t0: number, summary: (() => Promise<FoundSummary | null>) | null, ready: Promise<unknown>, setReady: () => void): Promise<FoundSummary | null> {
  let found: FoundSummary | null = null;
  try {
    await page.goto(url);
    snap.loaded = true;
    snap.phases.push(Date.now() - t0);
    if (summary) {
      found = await poll(summary, SUMMARY_TIMEOUT_MS);
      if (found) snap.summary = { isArticle: found.summary.isArticle, entities: found.summary.entities.length, unknown: found.summary.unknown.length };
    }
    snap.phases.push(Date.now() - t0);
    setReady();
    await ready;
    Object.assign(snap, await page.probe());
    snap.phases.push(Date.now() - t0);
  } catch (error) {
    snap.loadError = String(error).split("\n")[0]!;
  }
  setReady();
  snap.ms = Date.now() - t0;
  return found;
}

/** Reads a page again after its load event and 500 ms more (see `settle`). */
export async function reread(snap: Snapshot, page: PageDriver): Promise<void> {
  await page.loaded().catch(() => undefined);
  await sleep(500);
  Object.assign(snap, await page.probe().catch(() => ({})));
}

/** A page error: the extension's when its text or stack names our extension's URL. */
export function notePageError(snap: Snapshot, error: Error): void {
  const text = `${error.message}\n${error.stack ?? ""}`;
  if (EXTENSION_URL.test(text)) snap.extensionErrors.push(`pageerror: ${text}`);
  else if (!isBrowserReport(text)) snap.unattributedErrors.push(`pageerror: ${text}`);
}

/** A console message; `where`: the script URLs its location and stack name. Errors and warnings of ours count. */
export function noteConsole(snap: Snapshot, type: string, where: string, text: string): void {
  if (!EXTENSION_URL.test(where) && !EXTENSION_URL.test(text)) return;
  if (isStandDown(text)) snap.standDowns.push(text);
  else if (type === "error" || type === "warning" || type === "warn") snap.extensionErrors.push(`console.${type} (${where}): ${text}`);
}
