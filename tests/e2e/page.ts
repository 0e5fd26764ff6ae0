/** Page-side probes shared by the end-to-end tests. Functions passed to `evaluate` run in the page. */
import type { Server } from "node:http";
import { launch, until, type BrowserName, type LaunchOptions, type TestBrowser, type TestPage } from "./browsers";
import type { CardSnapshot, TestProbe } from "../../src/content/testing";
import { standsByInPage, WAKE_HOOK } from "../../src/shared/wake";
// @ts-expect-error: a plain ES module without types
import { serve } from "../../tools/serve.mjs";

/**
 * The painted ranges of some kinds ("person|organization", "unknown"), in
 * document order: CSS.highlights is shared with the content script.
 */
export function paintedTexts(kinds = "person|organization|unknown"): string[] {
  const ranges: Range[] = [];
  const ours = new RegExp(`^backstory-(underline|tint|hidden)-(${kinds})(-dark)?$`);
  for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<Range>>) {
    if (ours.test(name)) for (const r of h) ranges.push(r);
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString());
}

/**
 * The card as the content script sees it, or null when none is shown. The
 * card's shadow root is closed, so a page cannot see it and neither can a
 * test from the page: an extension page asks the content script (a test
 * build only answers; see src/content/testing.ts).
 */
export async function card(page: TestPage): Promise<CardSnapshot | null> {
  return (await probe(page)).card;
}

const tabOf = new WeakMap<TestPage, number>();

const controlled = new WeakSet<object>();

async function probe(page: TestPage): Promise<TestProbe> {
  const control = await page.browser.control();
  if (!controlled.has(page.browser)) {
    // The control page opened in front: hidden pages get no animation frames, and hovers need them.
    controlled.add(page.browser);
    await page.bringToFront();
  }
  const known = tabOf.get(page);
  if (known !== undefined) {
    const answer = await askTab(control, known);
    if (answer) return answer;
  }
  // Find the page's tab: the one whose content script answers from the page's URL.
  const href = await page.evaluate(() => location.href);
  const tabs = await control.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    return (await (g.browser ?? g.chrome)!.tabs.query({})).map((t) => t.id!);
  });
  const found: [number, TestProbe][] = [];
  for (const id of tabs) {
    const answer = await askTab(control, id);
    if (answer?.href === href) found.push([id, answer]);
  }
  if (found.length !== 1) throw new Error(`expected one tab with a content script at ${href}, found ${found.length}`);
  tabOf.set(page, found[0]![0]);
  return found[0]![1];
}

async function askTab(control: TestPage, tabId: number): Promise<TestProbe | null> {
  return control.evaluateWith(async (tab) => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    try {
      return ((await (g.browser ?? g.chrome)!.tabs.sendMessage(tab, { type: "test-card" }, { frameId: 0 })) as TestProbe | undefined) ?? null;
    } catch {
      return null;
    }
  }, tabId);
}

/** The id of the page's tab, as the extension knows it. */
export async function tabIdOf(page: TestPage): Promise<number> {
  await probe(page);
  return tabOf.get(page)!;
}

/**
 * Zooms a tab as the reader's Ctrl + does (tabs.setZoom, from an extension page), and waits until the
 * page is `windowWidth / factor` CSS px wide (Chromium zooms by origin: a page may open zoomed already).
 * `page` may be an extension page (it zooms its own tab) or a web page.
 */
export async function zoomTab(page: TestPage, factor: number, windowWidth = 1200): Promise<void> {
  const control = await page.browser.control();
  const extensionPage = await page.evaluate(() => /-extension:$/.test(location.protocol));
  if (extensionPage) {
    await page.evaluateWith(async (f) => {
      const g = globalThis as unknown as { browser?: ZoomApi; chrome?: ZoomApi };
      const api = (g.browser ?? g.chrome)!;
      const tab = await api.tabs.getCurrent();
      await api.tabs.setZoom(tab!.id!, f);
    }, factor);
  } else {
    const tabId = await tabIdOf(page);
    await control.evaluateWith(async ([tab, f]) => {
      const g = globalThis as unknown as { browser?: ZoomApi; chrome?: ZoomApi };
      await (g.browser ?? g.chrome)!.tabs.setZoom(tab, f);
    }, [tabId, factor] as const);
  }
  await until(async () => Math.abs((await page.evaluate(() => window.innerWidth)) - windowWidth / factor) <= 2, 5_000, () => `the page zoomed to ${factor * 100} %`);
}

type ZoomApi = { tabs: { setZoom(tabId: number, factor: number): Promise<void>; getCurrent(): Promise<{ id?: number } | undefined> } };

/** What the content script counted (test builds only): reads of the page, and the background's "which document" questions. */
export async function counters(page: TestPage): Promise<{ reads: number; documentAsked: number }> {
  const { reads, documentAsked } = await probe(page);
  return { reads, documentAsked };
}

export async function cardText(page: TestPage): Promise<string | null> {
  return (await card(page))?.text ?? null;
}

/** Waits until a card is shown (and satisfies `check`, if given); returns it. */
export async function waitForCard(page: TestPage, timeoutMs = 5_000, check: (card: CardSnapshot) => boolean = () => true): Promise<CardSnapshot> {
  let last: CardSnapshot | null = null;
  await until(async () => {
    last = await card(page);
    return last !== null && check(last);
  }, timeoutMs, () => `a card${last ? `; the card shows: ${(last as CardSnapshot).text.slice(0, 200)}` : ""}`);
  return last!;
}

export async function waitForNoCard(page: TestPage, timeoutMs = 3_000): Promise<void> {
  await until(async () => (await card(page)) === null, timeoutMs, () => "no card");
}

export async function hasCard(page: TestPage): Promise<boolean> {
  return (await card(page)) !== null;
}

export { until };

/** The centre of the `nth` painted range whose text is `text`, in viewport coordinates. */
export async function pointOf(page: TestPage, text: string, nth = 0): Promise<{ x: number; y: number }> {
  return page.evaluateWith(([wanted, n]) => {
    const found: Range[] = [];
    for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<Range>>) {
      if (!/^backstory-(underline|tint|hidden)-/.test(name)) continue;
      for (const r of h) if (r.toString() === wanted) found.push(r);
    }
    found.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const r = found[n];
    if (!r) throw new Error(`no painted range "${wanted}" #${n}`);
    const b = r.getClientRects()[0]!;
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, [text, nth] as const);
}

/** Scrolls so the range sits at `y` in the viewport, then returns its centre. */
export async function bringTo(page: TestPage, text: string, y: number, nth = 0): Promise<{ x: number; y: number }> {
  const at = await pointOf(page, text, nth);
  await page.evaluateWith((dy) => window.scrollBy(0, dy), at.y - y);
  return pointOf(page, text, nth);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Api = {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  tabs: { sendMessage(tabId: number, message: unknown, options?: unknown): Promise<unknown>; query(q: object): Promise<{ id?: number }[]> };
  runtime: { reload(): void };
};

/** The tab ids the background holds summaries for (read from an extension page). */
export async function summarizedTabs(extensionPage: TestPage): Promise<number[]> {
  return extensionPage.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    return Object.keys(await api.storage.session.get(null)).filter((k) => k.startsWith("tab:")).map((k) => Number(k.replace("tab:", "")));
  });
}

/** Sends a message to a tab's content script from an extension page, as the background or popup would. */
export async function messageTab(extensionPage: TestPage, tabId: number, message: unknown): Promise<void> {
  await extensionPage.evaluateWith(async ([tab, msg]) => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    await (g.browser ?? g.chrome)!.tabs.sendMessage(tab, msg, { frameId: 0 });
  }, [tabId, message] as const);
}

/**
 * The tab ids whose top frame runs our content script: it answers "which-document" with its instance's id, or it
 * stands by (a page the gate stopped, src/content/standby.ts: it listens for nothing, and leaves its wake on the
 * content scripts' global, which the probe of src/shared/wake.ts reads).
 */
export async function contentTabs(extensionPage: TestPage): Promise<number[]> {
  const ours = async (hook: string, standsBy: (hook: string) => boolean): Promise<number[]> => {
    type Tabs = Api & { scripting: { executeScript(i: object): Promise<{ result?: unknown }[]> } };
    const g = globalThis as unknown as { browser?: Tabs; chrome?: Tabs };
    const api = (g.browser ?? g.chrome)!;
    const ids = (await api.tabs.query({})).map((t) => t.id).filter((id): id is number => id !== undefined);
    const answers = await Promise.all(ids.map(async (id) => {
      const answer = await api.tabs.sendMessage(id, { type: "which-document" }, { frameId: 0 }).catch(() => undefined);
      if (typeof answer === "string") return true;
      const probed = await api.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, func: standsBy, args: [hook] }).catch(() => []);
      return probed[0]?.result === true;
    }));
    return ids.filter((_, i) => answers[i]);
  };
  // As source text: the probe goes along as a function (an extension page may not build one from text).
  return (await extensionPage.evaluateScript(`(${ours.toString()})(${JSON.stringify(WAKE_HOOK)}, ${standsByInPage.toString()})`)) as number[];
}

/** Opens the popup as a page for the one tab with a summary, or else the one tab with our content script. */
export async function openPopupFor(browser: TestBrowser): Promise<{ popup: TestPage; tabId: number }> {
  const popup = await browser.openExtensionPage("popup.html");
  // The page reports its summary once it has read it: on a loaded machine that may come after the popup opened.
  // A page the gate stopped never reports one until the popup asks it to read (the popup's own "read-page").
  let tabs: number[] = [];
  await until(async () => (tabs = await summarizedTabs(popup)).length === 1 || (tabs.length === 0 && (tabs = await contentTabs(popup)).length === 1), 10_000, () => `one tab with a summary or a content script (found ${tabs.length})`);
  await popup.evaluateWith((tab) => void (location.href = `popup.html?tab=${tab}`), tabs[0]!);
  // Wait for the new document: the first one, describing the popup's own tab, also has a [data-state].
  await popup.waitFor(() => location.search.startsWith("?tab=") && document.querySelector("[data-state]") !== null);
  return { popup, tabId: tabs[0]! };
}

/** A browser with the extension, the demo server, and the demo article open and marked. */
export interface Demo {
  browser: TestBrowser;
  server: Server;
  page: TestPage;
  close(): Promise<void>;
}

export async function openDemo(name: BrowserName, options: LaunchOptions = {}): Promise<Demo> {
  return openPage(name, "demo", "", "person", options);
}

/** A page of `dir` (served as the demo is) open and marked: a name of `kind` ("person", "unknown") painted. */
export async function openPage(name: BrowserName, dir: string, file: string, kind = "person", options: LaunchOptions = {}): Promise<Demo> {
  const { server, url } = (await serve(dir)) as { server: Server; url: string };
  const browser = await launch(name, options);
  const page = await browser.newPage();
  await page.goto(url + file);
  await page.bringToFront();
  await until(() => page.evaluateWith((k) => CSS.highlights.has(`backstory-underline-${k}`), kind), 15_000, () => `a painted ${kind} name on ${dir}/${file}`);
  return {
    browser,
    server,
    page,
    async close() {
      await browser.close();
      server.close();
    },
  };
}


/** Waits until the painted names of some kinds satisfy `check`; returns them. */
export async function waitForMarks(page: TestPage, check: (names: string[]) => boolean, kinds = "person|organization", timeoutMs = 8_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = await page.evaluateWith(paintedTexts, kinds).catch(() => [] as string[]);
    if (check(names)) return names;
    if (Date.now() >= deadline) throw new Error(`waited ${timeoutMs} ms for marks; painted: ${names.join(", ")}`);
    await sleep(50);
  }
}
