/** Page-side probes shared by the end-to-end tests. Functions passed to `evaluate` run in the page. */
import type { Server } from "node:http";
import { launch, type BrowserName, type LaunchOptions, type TestBrowser, type TestPage } from "./browsers";
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

export function cardText(): string | null {
  const host = document.querySelector("backstory-card");
  return host?.shadowRoot?.querySelector(".card")?.textContent ?? null;
}

export function cardRect(): { left: number; top: number; right: number; bottom: number } | null {
  const card = document.querySelector("backstory-card")?.shadowRoot?.querySelector(".card");
  if (!card) return null;
  const r = card.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

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
  tabs: { sendMessage(tabId: number, message: unknown, options?: unknown): Promise<unknown> };
};

/** The tab ids the background holds summaries for (read from an extension page). */
export async function summarizedTabs(extensionPage: TestPage): Promise<number[]> {
  return extensionPage.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    return Object.keys(await api.storage.session.get(null)).map((k) => Number(k.replace("tab:", "")));
  });
}

/** Sends a message to a tab's content script from an extension page, as the background or popup would. */
export async function messageTab(extensionPage: TestPage, tabId: number, message: unknown): Promise<void> {
  await extensionPage.evaluateWith(async ([tab, msg]) => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    await (g.browser ?? g.chrome)!.tabs.sendMessage(tab, msg, { frameId: 0 });
  }, [tabId, message] as const);
}

/** Opens the popup as a page for the one tab with a summary. */
export async function openPopupFor(browser: TestBrowser): Promise<{ popup: TestPage; tabId: number }> {
  const popup = await browser.openExtensionPage("popup.html");
  // The page's content script reports once it has read the page: on a page that is not an article, right after load.
  let tabs = await summarizedTabs(popup);
  for (const deadline = Date.now() + 5_000; tabs.length === 0 && Date.now() < deadline; tabs = await summarizedTabs(popup)) await sleep(50);
  if (tabs.length !== 1) throw new Error(`expected one tab with a summary, found ${tabs.length}`);
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
  const { server, url } = (await serve("demo")) as { server: Server; url: string };
  const browser = await launch(name, options);
  const page = await browser.newPage();
  await page.goto(url);
  await page.bringToFront();
  await page.waitFor(() => CSS.highlights.has("backstory-underline-person"));
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

export const hasCard = () => document.querySelector("backstory-card")?.shadowRoot?.querySelector(".card") != null;
/** The card is open and its fade-in is over: what a screenshot should show. */
export const cardSettled = () => {
  const card = document.querySelector("backstory-card")?.shadowRoot?.querySelector(".card");
  return card != null && card.getAnimations().every((a) => a.playState === "finished");
};
export const noCard = () => document.querySelector("backstory-card")?.shadowRoot?.querySelector(".card") == null;

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
