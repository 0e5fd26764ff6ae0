// The matchers as the background runs them (docs/decisions/006): one long-lived context that finds the names of
// page after page, its code compiled and optimized by the pages before. Pass 1 times them in each page's own fresh
// renderer instead (one cold run, a full GC, three more), where short texts never get that far.
import type { Page } from "playwright-core";
import { quantile } from "./stats";

export interface LongLived {
  /** Per text (by page id), the median of the timed rounds: ms for known names, for unknown names, and its words. */
  perText: Map<string, { known: number; unknown: number; words: number }>;
  rounds: number;
}

/** Every text in turn, one untimed round first (the background has seen pages before), then `rounds` timed ones. */
export async function longLivedPass(page: Page, url: string, benchSource: string, texts: Map<string, string>, rounds: number): Promise<LongLived> {
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(benchSource);
  type Names = { known: number; unknown: number; words: number };
  const call = (text: string) => page.evaluate((t) => (globalThis as unknown as { __bench: { names(t: string): Names } }).__bench.names(t), text);
  const all = new Map<string, Names[]>();
  for (let round = 0; round <= rounds; round++) {
    for (const [id, text] of texts) {
      const r = await call(text);
      if (round > 0) all.set(id, [...(all.get(id) ?? []), r]);
    }
  }
  const perText = new Map([...all].map(([id, runs]) => [id, { known: quantile(runs.map((r) => r.known), 0.5), unknown: quantile(runs.map((r) => r.unknown), 0.5), words: runs[0]!.words }]));
  return { perText, rounds };
}
