// Pass 1: the page-side pipeline injected into each page (no extension), step by step, beside the alternatives.
import type { Page } from "playwright-core";
import { quantile } from "./stats";
import type { BackstoryRun } from "./page-bench";
import type { CorpusGroup } from "../lib/corpus";

export interface PageResult {
  id: string;
  group: CorpusGroup | "synthetic";
  scale: number;
  bytes: number;
  /** First run on the freshly loaded page (cold code: what a visit pays). */
  floor: { ms: number; chars: number };
  backstory: BackstoryRun;
  /** Warm: per-field median of 3 further runs on the same page (no one-time compilation; the per-text cost). */
  floorWarm: { ms: number; chars: number };
  backstoryWarm: BackstoryRun;
  readabilityWarm: { ms: number; clone: number; parse: number; ok: boolean } | null;
  /**
   * On a sample of pages, a fresh load where detection first runs on a small article apart from the page (its code's
   * first run: what it costs before any page's size counts), then on the page: its detection with the code run once;
   * and another where Readability does the same.
   */
  firstRun: { small: number; pageAfter: number; readabilitySmall: number; readabilityPageAfter: number } | null;
  /** Detection once its code is optimized: the fastest of 15 runs after 10 more (page-bench.ts's detectOptimized). */
  detectOptimized: number;
  /** JS heap (CDP Runtime.getHeapUsage, after a full GC first): growth over the run, and what is still held after another full GC. */
  heap: { growth: number; retained: number };
  readability: { ms: number; clone: number; parse: number; ok: boolean } | null;
  compromise: { ms: number; people: number; organizations: number } | null;
  /** mark.js, all aliases as one RegExp (every article page); mark.js, aliases as keywords (a sample: it takes seconds). */
  markjs: { ms: number; marks: number; aliases: number } | null;
  markjsKeywords: { ms: number; marks: number; aliases: number } | null;
}

export async function measurePage(page: Page, url: string, benchSource: string, id: string, group: PageResult["group"], scale: number, bytes: number, keywords: boolean, firstRunToo = false): Promise<PageResult | null> {
  try {
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => (await cdp.send("Runtime.getHeapUsage")).usedSize;
    const gc = () => cdp.send("HeapProfiler.collectGarbage");
    type B = { __bench: Record<string, (arg?: string) => unknown> };
    const call = <T>(name: string, arg?: string) => page.evaluate(([n, a]) => (globalThis as unknown as B).__bench[n!]!(a), [name, arg]) as Promise<T>;
    const load = async () => {
      await page.goto(url, { waitUntil: "load", timeout: 30_000 });
      await page.evaluate(benchSource);
    };
    await load();
    // A full GC before each timed call, so no run pays for the garbage of the one before.
    const timed = async <T>(name: string, arg?: string): Promise<T> => {
      await gc();
      return call<T>(name, arg);
    };
    // Warm runs: one GC before the series only (a GC also drops V8's compiled RegExp code, which would make every run cold).
    const warm = async <T extends object>(name: string, runs: number): Promise<T> => {
      const all: T[] = [];
      await gc();
      for (let k = 0; k < runs; k++) all.push(await call<T>(name));
      return medianFields(all);
    };
    const floor = await timed<PageResult["floor"]>("floor");
    const measuredText = async () => texts.set(id, await call<string>("text"));
    await gc();
    const heap0 = await heap();
    const backstory = await call<BackstoryRun>("backstory");
    const heap1 = await heap();
    await gc();
    const heap2 = await heap();
    const floorWarm = await warm<PageResult["floorWarm"]>("floor", 3);
    const backstoryWarm = await warm<BackstoryRun>("backstory", 3);
    const readability = await timed<PageResult["readability"]>("readability");
    const readabilityWarm = await warm<NonNullable<PageResult["readabilityWarm"]>>("readability", 2);
    const detectOptimized = await call<number>("detectOptimized");
    const article = backstory.chars > 0;
    if (backstory.isArticle) await measuredText();
    // The alternatives may fail on a page (mark.js overflows the stack on deep pages): the rest stands.
    const optional = <T>(name: string, arg?: string) => timed<T>(name, arg).catch((error: Error) => {
      console.error(`bench: ${id}: ${name} ${arg ?? ""}: ${error.message.split("\n")[0]!.slice(0, 120)}`);
      return null;
    });
    const compromise = article ? await optional<PageResult["compromise"]>("compromise") : null;
    const markjs = article ? await optional<PageResult["markjs"]>("markjs", "regexp") : null;
    let markjsKeywords: PageResult["markjsKeywords"] = null;
    if (article && keywords) {
      await load(); // mark.js changed the page: a fresh copy
      markjsKeywords = await optional<PageResult["markjsKeywords"]>("markjs", "keywords");
    }
    let firstRun: PageResult["firstRun"] = null;
    if (firstRunToo && backstory.isArticle && readability) {
      type Small = { ms: number; ok: boolean };
      await load();
      const small = await call<Small>("detectSmall");
      const after = await call<BackstoryRun>("backstory");
      await load();
      const rSmall = await call<Small>("readabilitySmall");
      const rAfter = await call<NonNullable<PageResult["readability"]>>("readability");
      if (small.ok && rSmall.ok) firstRun = { small: small.ms, pageAfter: after.detect, readabilitySmall: rSmall.ms, readabilityPageAfter: rAfter.ms };
    }
    await cdp.detach();
    return { id, group, scale, bytes, floor, backstory, floorWarm, backstoryWarm, readabilityWarm, firstRun, detectOptimized, heap: { growth: heap1 - heap0, retained: heap2 - heap0 }, readability, compromise, markjs, markjsKeywords };
  } catch (error) {
    console.error(`bench: ${id}: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
}

/** Field by field, the median of numeric fields (booleans from the first). */
export function medianFields<T extends object>(all: T[]): T {
  const out = { ...all[0]! } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (typeof out[key] === "number") out[key] = quantile(all.map((a) => (a as Record<string, number>)[key]!), 0.5);
  return out as T;
}

/** Article text per page id, as the content script reads it: the ×10 knowledge file is timed on it. */
export const texts = new Map<string, string>();
