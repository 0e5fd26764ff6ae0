// Pass 2: the real, built extension (dist/chrome): CPU profiles of the content script per page, and the popup's first render.
import type { BrowserContext, Worker } from "playwright-core";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { popupRuns } from "./config";
import { standsByInPage, WAKE_HOOK } from "../../src/shared/wake";

export interface ExtResult {
  id: string;
  scale: number;
  /** The content script reported a summary to the background, or said it stands by, within the timeout. */
  reported: boolean;
  /** The page stands by: the gate stopped it, or detection found no article (src/content/standby.ts); backstory.js loaded only if the gate let it through (docs/decisions/013). */
  standingBy: boolean;
  isArticle: boolean | null;
  /** Longest task on the page's main thread, whoever ran it (PerformanceObserver "longtask": tasks over 50 ms; 0 when none). */
  longestTask: number;
  /** Longest of those tasks that content.js ran (on the stack for half the task or more; 0 when none), and its time in it. */
  contentTask: number;
  contentInTask: number;
  longTasks: number;
  /** CPU profile of the page's main thread (50 µs sampling) from navigation to the summary: time with content.js (or backstory.js, injected past the gate) on the stack. */
  contentMs: number;
  /**
   * The longest stretch of consecutive samples inside content.js: an upper bound of its longest task (slices that follow
   * each other with no sample of the event loop between them count as one).
   */
  contentLongest: number;
  /** Where that stretch spent its time: the functions with the most self time in it ("name ms"). */
  longestWhere: string[];
}

export const INIT_OBSERVER = `(() => {
  const w = window; w.__bsLong = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__bsLong.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true }); } catch {}
})();`;

/**
 * In the service worker: null when a tab's content script stands by (it leaves its wake on the content scripts'
 * global, src/shared/wake.ts), else undefined. Every tab is asked (without the tabs permission a tab's address is not
 * known); the page under measurement is the only one with a content script.
 */
const askStandingBy = async (hook: string, func: (hook: string) => boolean): Promise<null | undefined> => {
  type Api = { tabs: { query(q: object): Promise<{ id?: number }[]> }; scripting: { executeScript(i: object): Promise<{ result?: unknown }[]> } };
  const api = (globalThis as unknown as { chrome: Api }).chrome;
  const answers = await Promise.all((await api.tabs.query({})).map((t) => (t.id === undefined ? false : api.scripting.executeScript({ target: { tabId: t.id, frameIds: [0] }, func, args: [hook] }).then((r) => r[0]?.result === true, () => false))));
  return answers.includes(true) ? null : undefined;
};

/** askStandingBy called in the worker, as source text: the probe (src/shared/wake.ts) goes along as a function. */
export const STANDING_BY = `(${askStandingBy.toString()})(${JSON.stringify(WAKE_HOOK)}, ${standsByInPage.toString()})`;

export interface ProfileNode { id: number; callFrame: { url: string; functionName: string }; children?: number[] }

/** Time with the extension's content script on the stack, its longest uninterrupted stretch, and that stretch's heaviest functions. */
export function contentScriptTime(profile: { nodes: ProfileNode[]; startTime?: number; samples?: number[]; timeDeltas?: number[] }, tasks: Window[] = []): { total: number; longest: number; where: string[]; inTasks: number[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inContent = new Map<number, boolean>();
  const isContent = (id: number): boolean => {
    let known = inContent.get(id);
    if (known === undefined) {
      const n = byId.get(id);
      known = n !== undefined && (/^chrome-extension:\/\/[^/]+\/(?:content|backstory)\.js/.test(n.callFrame.url) || (parent.has(id) && isContent(parent.get(id)!)));
      inContent.set(id, known);
    }
    return known;
  };
  let total = 0, run = 0, longest = 0, runFrom = 0, longestFrom = 0, longestTo = 0;
  const samples = profile.samples ?? [];
  const delta = (i: number) => (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
  const inTasks = tasks.map(() => 0);
  let at = profile.startTime ?? 0;
  samples.forEach((sample, i) => {
    at += profile.timeDeltas?.[i] ?? 0;
    // timeDeltas[i] is the time since the previous sample: it belongs to the sample before.
    const dt = delta(i);
    if (isContent(sample)) {
      tasks.forEach((w, k) => {
        if (at >= w.from && at < w.to) inTasks[k]! += dt;
      });
      if (run === 0) runFrom = i;
      total += dt;
      run += dt;
      if (run > longest) [longest, longestFrom, longestTo] = [run, runFrom, i];
    } else if (/^\((idle|program)\)$/.test(byId.get(sample)?.callFrame.functionName ?? "")) {
      run = 0; // back in the event loop: the task is over
    }
  });
  const self = new Map<string, number>();
  for (let i = longestFrom; i <= longestTo && longest > 0; i++) {
    const frame = byId.get(samples[i]!)?.callFrame;
    const name = frame ? `${frame.functionName || "(anonymous)"}${/content\.js/.test(frame.url) ? "" : ` [${frame.url.split("/").pop() || "native"}]`}` : "?";
    self.set(name, (self.get(name) ?? 0) + delta(i));
  }
  const where = [...self].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, ms]) => `${name} ${ms.toFixed(1)}`);
  return { total, longest, where, inTasks };
}

/** A stretch of time on the profiler's clock (µs). */
export interface Window { from: number; to: number }

export async function extensionPass(ctx: BrowserContext, targets: { id: string; scale: number; url: string }[], demoUrl: string | null): Promise<{ pages: ExtResult[]; popup: PopupResult | null }> {
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
  type Api = { storage: { session: { get(k: null): Promise<Record<string, { summary?: { isArticle?: boolean } }>>; clear(): Promise<void> } } };
  await ctx.addInitScript({ content: INIT_OBSERVER });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Performance.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  const results: ExtResult[] = [];
  for (const t of targets) {
    try {
      await worker.evaluate(() => (globalThis as unknown as { chrome: Api }).chrome.storage.session.clear());
      await page.goto("about:blank");
      await cdp.send("Profiler.start");
      await page.goto(t.url, { waitUntil: "load", timeout: 30_000 });
      let summary: { isArticle?: boolean } | undefined;
      let standingBy = false;
      const profiles: unknown[] = [];
      const deadline = Date.now() + 15_000;
      for (let k = 0; !summary && !standingBy && Date.now() < deadline; k++) {
        // The background stores {summary, instance} per tab (src/background/index.ts).
        summary = Object.values(await worker.evaluate(() => (globalThis as unknown as { chrome: Api }).chrome.storage.session.get(null)))[0]?.summary;
        // A page the gate stopped reports nothing; asked which document answers, it says null (src/content/standby.ts).
        // Asked now and then, with the profiler off: answering is the bench's cost, not the page's.
        if (!summary && k % 4 === 3) {
          profiles.push((await cdp.send("Profiler.stop")).profile);
          standingBy = await worker.evaluate(STANDING_BY) === null;
          if (!standingBy) await cdp.send("Profiler.start");
        }
        if (!summary && !standingBy) await new Promise((r) => setTimeout(r, 25));
      }
      // Two frames, so the rendering the highlights cause is over too.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (!standingBy) profiles.push((await cdp.send("Profiler.stop")).profile);
      const long = await page.evaluate(() => (window as unknown as { __bsLong?: [number, number][] }).__bsLong ?? []);
      // The long tasks on the profiler's clock: both count from the same monotonic clock, the page's from its navigation start.
      const { metrics } = await cdp.send("Performance.getMetrics");
      const navigationStart = (metrics.find((m) => m.name === "NavigationStart")?.value ?? NaN) * 1e6;
      const windows = long.map(([start, duration]) => ({ from: navigationStart + start * 1000, to: navigationStart + (start + duration) * 1000 }));
      const parts = profiles.map((p) => contentScriptTime(p as never, windows));
      const longestPart = parts.reduce((a, b) => (b.longest > a.longest ? b : a), { total: 0, longest: 0, where: [] as string[], inTasks: [] as number[] });
      const content = { total: parts.reduce((sum, p) => sum + p.total, 0), longest: longestPart.longest, where: longestPart.where };
      const inTask = long.map((_, k) => parts.reduce((sum, p) => sum + (p.inTasks[k] ?? 0), 0));
      const ours = long.map(([, duration], k) => ({ duration, mine: inTask[k]! })).filter((x) => x.mine >= x.duration / 2).sort((a, b) => b.duration - a.duration)[0];
      results.push({
        id: t.id, scale: t.scale, reported: summary !== undefined || standingBy, standingBy, isArticle: standingBy ? false : summary?.isArticle ?? null,
        longestTask: long.length ? Math.max(...long.map(([, d]) => d)) : 0, longTasks: long.length, contentTask: ours?.duration ?? 0, contentInTask: ours?.mine ?? 0, contentMs: content.total, contentLongest: content.longest, longestWhere: content.where,
      });
    } catch (error) {
      await cdp.send("Profiler.stop").catch(() => undefined);
      console.error(`bench: extension on ${t.id}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  await page.close();
  return { pages: results, popup: demoUrl === null ? null : await popupPass(ctx, demoUrl, worker) };
}

export interface PopupResult { runs: number[]; fcp: number[]; state: string | null; }

/** Popup open → first [data-state] element (its first real render), for the demo article's tab. */
export async function popupPass(ctx: BrowserContext, demoUrl: string, worker: Worker): Promise<PopupResult> {
  type Api = { storage: { session: { get(k: null): Promise<Record<string, unknown>>; clear(): Promise<void> } } };
  await worker.evaluate(() => (globalThis as unknown as { chrome: Api }).chrome.storage.session.clear());
  const demo = await ctx.newPage();
  await demo.goto(demoUrl);
  await demo.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 15_000 });
  let keys: string[] = [];
  for (let i = 0; i < 200 && keys.length === 0; i++) {
    keys = Object.keys(await worker.evaluate(() => (globalThis as unknown as { chrome: Api }).chrome.storage.session.get(null)));
    if (keys.length === 0) await new Promise((r) => setTimeout(r, 25));
  }
  const tab = Number(keys[0]?.replace("tab:", ""));
  const runs: number[] = [];
  const fcp: number[] = [];
  let state: string | null = null;
  // The init script (context-wide, so it runs in extension pages too) stamps the first [data-state].
  await ctx.addInitScript({ content: `(() => { const mo = new MutationObserver(() => { const el = document.querySelector("[data-state]"); if (el) { window.__bsFirst = performance.now(); window.__bsState = el.getAttribute("data-state"); mo.disconnect(); } }); mo.observe(document, { childList: true, subtree: true }); })();` });
  for (let i = 0; i < popupRuns + 1; i++) {
    const popup = await ctx.newPage();
    await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html?tab=${tab}`);
    await popup.waitForFunction(() => (window as unknown as { __bsFirst?: number }).__bsFirst !== undefined, undefined, { timeout: 15_000 });
    const r = await popup.evaluate(() => ({
      first: (window as unknown as { __bsFirst: number }).__bsFirst,
      state: (window as unknown as { __bsState: string }).__bsState,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    }));
    // The first open warms the extension's code cache, as a reader's first click after install would not be.
    if (i > 0) {
      runs.push(r.first);
      fcp.push(r.fcp);
    }
    state = r.state;
    await popup.close();
  }
  await demo.close();
  return { runs, fcp, state };
}


/** The id prefix of the real-extension runs in a reused renderer process. */
export const REUSED = "reused renderer: ";
export const corpusExtOf = (ext: ExtResult[]) => ext.filter((e) => e.scale === 1 && !e.id.includes("×") && !e.id.startsWith(REUSED));
export const reusedExtOf = (ext: ExtResult[]) => ext.filter((e) => e.id.startsWith(REUSED));

/**
 * What any content script pays to look at a page at all, the floor the non-article figure stands on: content.js
 * reduced to one read of `document.body` (in a new renderer the extension's world builds the document's wrapper
 * then), leaving the standing-by mark so that the probe above ends the wait as on a page the gate stops. The
 * rest of the extension is the built one. Returns the directory to load.
 */
export function floorExtension(dist: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "backstory-floor-"));
  cpSync(dist, dir, { recursive: true });
  writeFileSync(path.join(dir, "content.js"), `if (document.body) globalThis[${JSON.stringify(WAKE_HOOK)}] = () => false;\n`);
  return dir;
}
