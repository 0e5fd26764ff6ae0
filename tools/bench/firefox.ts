// Pass 3: the real extension in Firefox ESR, which has no long-task timing and no CPU profile over WebDriver BiDi:
// the test build (dist/test/firefox) times each slice of work its content script runs before yielding to the page
// (src/content/scheduler.ts), and the bench asks for the longest once the page's summary is stored.
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Page } from "puppeteer-core";
import { FIREFOX, launchFirefox } from "../lib/browsers";
import { poll } from "../lib/wait";
import { ROOT } from "./config";
import type { TestProbe } from "../../src/content/testing";

export interface FirefoxResult {
  id: string;
  scale: number;
  /** The page's summary was stored (an article, or a page read past the gate) within the timeout. */
  reported: boolean;
  isArticle: boolean | null;
  /** The content script's longest slice before yielding (ms); null when no summary came (the page stands by; only articles are measured). */
  longestSliceMs: number | null;
}

/** In the control page (an extension page): every tab's stored summary (src/background keeps {summary, instance} per tab). */
const storedSummaries = async (): Promise<{ isArticle?: boolean }[]> => {
  type Api = { storage: { session: { get(k: null): Promise<Record<string, { summary?: { isArticle?: boolean } }>> } } };
  const all = await (globalThis as unknown as { browser: Api }).browser.storage.session.get(null);
  return Object.values(all).flatMap((v) => (v.summary ? [v.summary] : []));
};

const clearSummaries = async (): Promise<void> => {
  type Api = { storage: { session: { clear(): Promise<void> } } };
  await (globalThis as unknown as { browser: Api }).browser.storage.session.clear();
};

/** In the control page: the test probe of every tab whose content script answers (test builds only). */
const probes = async (): Promise<TestProbe[]> => {
  type Api = { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tab: number, m: unknown, o: object): Promise<unknown> } };
  const { tabs } = (globalThis as unknown as { browser: Api }).browser;
  const answers = await Promise.all((await tabs.query({})).map((t) => (t.id === undefined ? null : tabs.sendMessage(t.id, { type: "test-card" }, { frameId: 0 }).catch(() => null))));
  return answers.filter((a): a is TestProbe => a !== null && typeof a === "object");
};

export async function firefoxPass(targets: { id: string; scale: number; url: string }[]): Promise<FirefoxResult[]> {
  if (!FIREFOX) return [];
  const uuid = randomUUID();
  const browser = await launchFirefox({ uuid });
  const results: FirefoxResult[] = [];
  try {
    await browser.installExtension(path.join(ROOT, "dist/test/firefox"));
    const control = await browser.newPage();
    // goto() never resolves for moz-extension:// over BiDi: start it and wait for the document (tests/e2e/browsers.ts).
    control.goto(`moz-extension://${uuid}/popup.html?tab=2147483647`, { timeout: 0 }).catch(() => undefined);
    await poll(async () => ((await control.evaluate(() => location.protocol === "moz-extension:" && document.readyState === "complete")) ? true : null), 15_000);
    const page: Page = await browser.newPage();
    for (const t of targets) {
      try {
        await control.evaluate(clearSummaries);
        await page.goto(t.url, { waitUntil: "load", timeout: 30_000 });
        const summary = await poll(async () => (await control.evaluate(storedSummaries))[0] ?? null, 15_000);
        const href = await page.evaluate(() => location.href);
        const probe = summary ? await poll(async () => (await control.evaluate(probes)).find((p) => p.href === href) ?? null, 5_000) : null;
        results.push({ id: t.id, scale: t.scale, reported: summary !== null, isArticle: summary?.isArticle ?? null, longestSliceMs: probe?.longestSliceMs ?? null });
      } catch (error) {
        console.error(`bench: firefox on ${t.id}: ${(error as Error).message.split("\n")[0]}`);
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
