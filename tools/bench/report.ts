// The bench's report: the per-step tables, the real extension, the ×10 file, bundle sizes, the popup, and the budgets.
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { growthExponent, quantile, ratio, summarize } from "./stats";
import { OUT, quick, limit, SCALES } from "./config";
import type { CorpusGroup } from "../lib/corpus";
import { fmt, table, kb } from "./format";
import type { Size } from "./bundles";
import type { PageResult } from "./injected";
import { corpusExtOf, reusedExtOf, type ExtResult, type PopupResult } from "./extension";
import type { Tenfold } from "./tenfold";
import type { FirefoxResult } from "./firefox";
import type { LongLived } from "./background";

export interface Report {
  tenfold: Tenfold;
  results: PageResult[];
  syntheticResults: PageResult[];
  extResults: ExtResult[];
  /** The non-article pages again, content.js a one-line script that reads document.body (floorExtension). */
  floorResults: ExtResult[];
  firefox: FirefoxResult[];
  longLived: LongLived;
  popup: PopupResult;
  sizes: Size[];
  isolated: boolean;
  seconds: number;
}

/**
 * What the ratio to Readability is made of: article pages in fifths by Readability's cold time (its cost grows with the
 * page faster than detection's), and detection's first run on a small article before the page's, on a sample of pages
 * (the part of a cold run no page's size explains: docs/decisions/015).
 */
function sizeAndFirstRun(articles: PageResult[], say: (s?: string) => void): void {
  const measured = articles.filter((x) => x.readability).sort((a, b) => a.readability!.ms - b.readability!.ms);
  if (measured.length >= 5) {
    const med = (set: PageResult[], f: (x: PageResult) => number) => fmt(quantile(set.map(f), 0.5), 2);
    say("Article pages in fifths by Readability's cold time (medians, cold; ratio = median of per-page whole / Readability)");
    say(table(["fifth", "n", "Readability", "detection", "whole", "ratio"], [0, 1, 2, 3, 4].map((k) => {
      const set = measured.slice(Math.floor((k * measured.length) / 5), Math.floor(((k + 1) * measured.length) / 5));
      return [String(k + 1), String(set.length), med(set, (x) => x.readability!.ms), med(set, (x) => x.backstory.detect), med(set, (x) => x.backstory.total),
        fmt(quantile(set.map((x) => ratio(x.backstory.total, x.readability!.ms)), 0.5), 3)];
    })));
  }
  const sampled = articles.filter((x) => x.firstRun);
  if (sampled.length > 0) {
    const m = (f: (x: PageResult) => number) => fmt(quantile(sampled.map(f), 0.5), 2);
    say(`First runs, ${sampled.length} article pages each loaded twice more (medians, ms): on a small article apart from the page (about twenty elements), then on the page`);
    say(table(["", "small article, first run", "the page after it", "the page, cold", "the page, warm"], [
      ["Backstory: article detection", m((x) => x.firstRun!.small), m((x) => x.firstRun!.pageAfter), m((x) => x.backstory.detect), m((x) => x.backstoryWarm.detect)],
      ["Readability: cloneNode + parse()", m((x) => x.firstRun!.readabilitySmall), m((x) => x.firstRun!.readabilityPageAfter), m((x) => x.readability?.ms ?? NaN), m((x) => x.readabilityWarm?.ms ?? NaN)],
    ]));
  }
  say();
}

export function report(r: Report): void {
  const { results, syntheticResults, extResults, popup, sizes } = r;
  const articles = results.filter((x) => x.backstory.isArticle);
  const others = results.filter((x) => !x.backstory.isArticle);
  const out: string[] = [];
  const say = (s = "") => out.push(s);

  // Per-page figures over pages where an article was detected; ratios are per page, to that page's floor.
  type Row = [string, (x: PageResult) => number, ((x: PageResult) => number) | null];
  const rows: Row[] = [
    ["floor: bare TreeWalker over <body> text", (x) => x.floor.ms, (x) => x.floorWarm.ms],
    ["Backstory: article detection", (x) => x.backstory.detect, (x) => x.backstoryWarm.detect],
    ["Backstory: text walk (text map)", (x) => x.backstory.walk, (x) => x.backstoryWarm.walk],
    ["Backstory: painting (ranges + highlights)", (x) => x.backstory.paint, (x) => x.backstoryWarm.paint],
    ["Backstory: whole content-script work (page side)", (x) => x.backstory.total, (x) => x.backstoryWarm.total],
    ["background: matching, known names", (x) => x.backstory.known, (x) => x.backstoryWarm.known],
    ["background: matching, unknown names", (x) => x.backstory.unknown, (x) => x.backstoryWarm.unknown],
    ["Readability: cloneNode + parse()", (x) => x.readability?.ms ?? NaN, (x) => x.readabilityWarm?.ms ?? NaN],
    ["mark.js: aliases as one RegExp (markRegExp)", (x) => x.markjs?.ms ?? NaN, null],
    ["mark.js: aliases as keywords (sample)", (x) => x.markjsKeywords?.ms ?? NaN, null],
    ["compromise: people + organizations", (x) => x.compromise?.ms ?? NaN, null],
  ];
  const perPageRatio = (set: PageResult[], f: (x: PageResult) => number, floor: (x: PageResult) => number) => quantile(set.map((x) => ratio(f(x), floor(x))), 0.5);
  const section = (title: string, set: PageResult[], which: Row[]) => {
    say(`${title} (${set.length} pages; ms on the page's main thread. cold = first run on the fresh page, what a visit pays; warm = median of 3 more runs.`);
    say(`"×floor" = median over pages of (figure / the same page's floor), cold to cold and warm to warm; "n" = pages with the figure)`);
    say(table(["", "n", "median", "p90", "max", "×floor", "warm med", "×floor"], which.map(([name, cold, warm]) => {
      const c = summarize(set.map(cold));
      const w = warm ? summarize(set.map(warm)) : null;
      const isFloor = name.startsWith("floor");
      return [name, String(c.n), fmt(c.median, 2), fmt(c.p90, 2), fmt(c.max, 1), isFloor ? "1" : fmt(perPageRatio(set, cold, (x) => x.floor.ms), 1),
        w ? fmt(w.median, 2) : "", w ? (isFloor ? "1" : fmt(perPageRatio(set, warm!, (x) => x.floorWarm.ms), 1)) : ""];
    })));
    const heapRetained = summarize(set.map((x) => x.heap.retained / 1024));
    const heapGrowth = summarize(set.map((x) => x.heap.growth / 1024));
    say(table(["JS heap (KB)", "median", "p90", "max", ""], [
      ["growth during the run (before GC)", fmt(heapGrowth.median), fmt(heapGrowth.p90), fmt(heapGrowth.max), ""],
      ["retained after the run (after full GC)", fmt(heapRetained.median), fmt(heapRetained.p90), fmt(heapRetained.max), ""],
    ]));
    const chars = summarize(set.map((x) => x.backstory.chars || x.floor.chars));
    say(`text: median ${fmt(chars.median, 0)} chars, max ${fmt(chars.max, 0)}; marks per page: median ${fmt(quantile(set.map((x) => x.backstory.mentions + x.backstory.unknownNames), 0.5), 0)}`);
    say();
  };

  say();
  say(`Backstory benchmark — headless Chromium, ${r.isolated ? "cross-origin isolated pages (5 µs timer)" : "100 µs timer"}; page scripts off; each page loaded fresh; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} CPUs (other work on the machine skews every figure)`);
  say();
  section("Article pages: pages where Backstory detected an article", articles, rows);
  sizeAndFirstRun(articles, say);
  const byGroup = (g: CorpusGroup) => results.filter((x) => x.group === g);
  say(`Non-article pages: pages where Backstory detected no article (${others.length} pages; ${byGroup("news-not-article").filter((x) => x.backstory.isArticle).length} of ${byGroup("news-not-article").length} news-pages/not-article pages were detected as articles and pay the full pipeline)`);
  say(table(["", "n", "median", "p90", "max", "×floor", "warm med", "×floor"], [rows[0]!, ["Backstory: article detection (all it does here)", (x) => x.backstory.total, (x) => x.backstoryWarm.total] as Row, rows[7]!].map(([name, cold, warm]) => {
    const c = summarize(others.map(cold));
    const w = summarize(others.map(warm!));
    const isFloor = name.startsWith("floor");
    return [name, String(c.n), fmt(c.median, 2), fmt(c.p90, 2), fmt(c.max, 1), isFloor ? "1" : fmt(perPageRatio(others, cold, (x) => x.floor.ms), 1),
      fmt(w.median, 2), isFloor ? "1" : fmt(perPageRatio(others, warm!, (x) => x.floorWarm.ms), 1)];
  })));
  say();

  // Synthetic long pages.
  const one = syntheticResults.find((x) => x.scale === 1);
  if (one) {
    say(`Synthetic long pages: ${one.id.replace(/ ×1$/, "")} (the longest article) with its body repeated n times (ms; warm = median of 3 runs; the rest one run)`);
    const ext = (n: number) => extResults.find((e) => e.scale === n && e.id.endsWith(`×${n}`));
    const line = (name: string, get: (x: PageResult) => number, digits = 1): string[] => [name, ...SCALES.map((n) => {
      const x = syntheticResults.find((s) => s.scale === n);
      return x ? fmt(get(x), digits) : "–";
    }), fmt(ratio(get(syntheticResults.find((s) => s.scale === 16) ?? one), get(one)), 1)];
    say(table(["", ...SCALES.map((n) => `${n}×`), "16×/1×"], [
      line("article text (k chars)", (x) => x.backstory.chars / 1000),
      line("floor (warm)", (x) => x.floorWarm.ms, 2),
      line("detection (warm)", (x) => x.backstoryWarm.detect, 2),
      line("text walk (warm)", (x) => x.backstoryWarm.walk, 2),
      line("painting (warm)", (x) => x.backstoryWarm.paint, 2),
      line("whole, page side (warm)", (x) => x.backstoryWarm.total, 2),
      line("background: known names (warm)", (x) => x.backstoryWarm.known, 2),
      line("background: unknown names (warm)", (x) => x.backstoryWarm.unknown, 2),
      line("whole ×floor (warm)", (x) => ratio(x.backstoryWarm.total, x.floorWarm.ms), 1),
      line("whole (cold: one task today)", (x) => x.backstory.total, 2),
      line("heap retained (KB)", (x) => x.heap.retained / 1024, 0),
      line("Readability (warm)", (x) => x.readabilityWarm?.ms ?? NaN),
      line("mark.js, one RegExp", (x) => x.markjs?.ms ?? NaN),
      line("mark.js, keywords", (x) => x.markjsKeywords?.ms ?? NaN),
      line("compromise", (x) => x.compromise?.ms ?? NaN),
      ["real extension: content.js time", ...SCALES.map((n) => fmt(ext(n)?.contentMs ?? NaN, 1)), fmt(ratio(ext(16)?.contentMs ?? NaN, ext(1)?.contentMs ?? NaN), 1)],
      ["real extension: content.js longest stretch", ...SCALES.map((n) => fmt(ext(n)?.contentLongest ?? NaN, 1)), ""],
      ["real extension: longest task (any, >50)", ...SCALES.map((n) => fmt(ext(n)?.longestTask ?? NaN, 1)), ""],
      ["real extension: longest content.js task (>50)", ...SCALES.map((n) => fmt(ext(n)?.contentTask ?? NaN, 1)), ""],
    ]));
    say(`growth exponent of the warm whole work against text length (1 = linear): ${fmt(growthExponent(syntheticResults.map((x) => ({ x: x.backstory.chars, y: x.backstoryWarm.total }))), 2)}; steps: ${(["detect", "walk", "known", "unknown", "paint"] as const).map((k) => `${k} ${fmt(growthExponent(syntheticResults.map((x) => ({ x: x.backstory.chars, y: x.backstoryWarm[k] }))), 2)}`).join(", ")}`);
    say();
  }

  // The real extension.
  const corpusExt = corpusExtOf(extResults);
  const first = extResults.find((e) => e.scale === 0);
  if (extResults.length > 0) {
    say(`Real extension (dist/chrome) on ${corpusExt.length} corpus pages: CPU profile of the page's main thread (50 µs samples) from navigation to the content script's summary (or its standing by); page scripts off; each page in a new renderer process (COOP+COEP), and again in a reused one`);
    const row = (name: string, values: number[]) => {
      const x = summarize(values);
      return [name, fmt(x.median, 2), fmt(x.p90, 2), fmt(x.max, 1)];
    };
    say(table(["", "median", "p90", "max"], [
      row("content.js on the stack, article pages (ms)", corpusExt.filter((e) => e.isArticle).map((e) => e.contentMs)),
      row("content.js on the stack, non-article pages (ms)", corpusExt.filter((e) => e.isArticle === false).map((e) => e.contentMs)),
      row("  of which standing by (the gate stopped it, or detection found no article) (ms)", corpusExt.filter((e) => e.standingBy).map((e) => e.contentMs)),
      row("  of which reported no article (the full script ran) (ms)", corpusExt.filter((e) => e.isArticle === false && !e.standingBy).map((e) => e.contentMs)),
      row("  the same pages, content.js a one-line script reading document.body: the floor (ms)", corpusExtOf(r.floorResults).map((e) => e.contentMs)),
      row("renderer process reused (no COOP/COEP): article pages (ms)", reusedExtOf(extResults).filter((e) => e.isArticle).map((e) => e.contentMs)),
      row("  non-article pages (ms)", reusedExtOf(extResults).filter((e) => e.isArticle === false).map((e) => e.contentMs)),
      row("  of which standing by (ms)", reusedExtOf(extResults).filter((e) => e.standingBy).map((e) => e.contentMs)),
      row("content.js longest stretch, all pages (ms; slices back to back count as one)", corpusExt.map((e) => e.contentLongest)),
      row("longest task content.js ran, over 50 ms (longtask; 0 = none)", corpusExt.map((e) => e.contentTask)),
      row("longest task of any kind (longtask; 0 = none > 50 ms)", corpusExt.map((e) => e.longestTask)),
    ]));
    const over = extResults.filter((e) => e.scale > 0 && e.contentLongest > 50);
    say(`pages where content.js ran over 50 ms in one stretch of samples: ${over.length} of ${extResults.length}${over.length ? `: ${over.slice(0, 8).map((e) => `${e.id} (${fmt(e.contentLongest)} ms)`).join(", ")}${over.length > 8 ? ", …" : ""}` : ""}`);
    const overTask = extResults.filter((e) => e.scale > 0 && e.contentTask > 50);
    say(`pages with a task over 50 ms that content.js ran (half of it or more on the stack): ${overTask.length} of ${extResults.length}${overTask.length ? `: ${overTask.slice(0, 8).map((e) => `${e.id} (${fmt(e.contentTask)} ms, ${fmt(e.contentInTask)} of it content.js)`).join(", ")}` : ""}`);
    const worst = extResults.filter((e) => e.scale > 0).sort((a, b) => b.contentLongest - a.contentLongest)[0];
    if (worst) say(`longest content.js stretch: ${worst.id} (${fmt(worst.contentLongest)} ms); self time in it (ms): ${worst.longestWhere.join(", ")}`);
    if (first) say(`first page after the browser starts (demo article; content.js compiled, no code cache): content.js ${fmt(first.contentMs)} ms, longest stretch ${fmt(first.contentLongest)} ms`);
    say(`pages with a long task of any kind (page parsing and layout included): ${extResults.filter((e) => e.longestTask > 50).length}; pages whose content script never reported: ${extResults.filter((e) => !e.reported).length}`);
    say();
  }

  // Firefox: the test build's own slice timing (no long-task API there).
  const ffTimed = r.firefox.filter((f) => f.longestSliceMs !== null);
  const ffLongest = Math.max(0, ...ffTimed.map((f) => f.longestSliceMs!));
  const ffWorst = ffTimed.sort((a, b) => b.longestSliceMs! - a.longestSliceMs!)[0];
  if (r.firefox.length > 0) {
    const ffCorpus = ffTimed.filter((f) => f.scale === 1 && !f.id.includes("×"));
    const x = summarize(ffCorpus.map((f) => f.longestSliceMs!));
    say(`Real extension in Firefox ESR (dist/test/firefox) on ${ffCorpus.length} article pages and ${ffTimed.length - ffCorpus.length} synthetic ones: the longest slice of work the content script ran before yielding to the page (its own performance.now() around each slice, src/content/scheduler.ts; Firefox has no long-task timing)`);
    say(table(["", "median", "p90", "max"], [["longest slice per page (ms)", fmt(x.median, 1), fmt(x.p90, 1), fmt(x.max, 1)]]));
    say(`synthetic pages: ${SCALES.map((n) => `${n}× ${fmt(ffTimed.find((f) => f.id.endsWith(`×${n}`))?.longestSliceMs ?? NaN, 1)}`).join(", ")} ms; pages over 50 ms: ${ffTimed.filter((f) => f.longestSliceMs! > 50).map((f) => `${f.id} (${fmt(f.longestSliceMs!)})`).join(", ") || "none"}; pages whose summary never came: ${r.firefox.filter((f) => !f.reported).length}`);
    say();
  }

  for (const line of r.tenfold.lines) say(line);
  say();
  say("Bundle sizes (minified; gzip -9)");
  say(table(["", "minified", "gzipped"], sizes.map((s) => [s.name, kb(s.raw), kb(s.gzip)])));
  say();
  const pr = summarize(popup.runs);
  const pf = summarize(popup.fcp);
  say(`Popup (demo article, popup.html?tab=ID as a tab, ${popup.runs.length} opens after one warm-up): navigation start → first [data-state="${popup.state}"] element median ${fmt(pr.median)} ms (max ${fmt(pr.max)}); first contentful paint median ${fmt(pf.median)} ms`);
  say();

  // Budgets.
  const perPage = (f: (x: PageResult) => number) => quantile(articles.map(f), 0.5);
  const vsReadability = perPage((x) => ratio(x.backstory.total, x.readability?.ms ?? NaN));
  const vsReadabilityWarm = perPage((x) => ratio(x.backstoryWarm.total, x.readabilityWarm?.ms ?? NaN));
  const vsFloor = perPage((x) => ratio(x.backstory.total, x.floor.ms));
  const vsFloorWarm = perPage((x) => ratio(x.backstoryWarm.total, x.floorWarm.ms));
  const onlyDetection = others.every((x) => x.backstory.walk === 0 && x.backstory.known === 0 && x.backstory.unknown === 0 && x.backstory.paint === 0);
  const nonArticleExt = quantile(corpusExtOf(extResults).filter((e) => e.isArticle === false).map((e) => e.contentMs), 0.5);
  const nonArticleFloor = quantile(corpusExtOf(r.floorResults).map((e) => e.contentMs), 0.5);
  const nonArticleReused = quantile(reusedExtOf(extResults).filter((e) => e.isArticle === false).map((e) => e.contentMs), 0.5);
  const popupMedian = quantile(popup.runs, 0.5);
  const injectedMax = Math.max(0, ...[...results, ...syntheticResults].map((x) => x.backstory.longestStep));
  const injectedWorst = [...results, ...syntheticResults].sort((a, b) => b.backstory.longestStep - a.backstory.longestStep)[0];
  const realMax = Math.max(0, ...extResults.filter((e) => e.scale > 0).map((e) => e.contentTask));
  const realStretch = Math.max(0, ...extResults.filter((e) => e.scale > 0).map((e) => e.contentLongest));
  const s16 = syntheticResults.find((x) => x.scale === 16);
  const growth = s16 && one ? ratio(s16.backstoryWarm.total, one.backstoryWarm.total) : NaN;
  const growthChars = s16 && one ? ratio(s16.backstory.chars, one.backstory.chars) : NaN;
  const pass = (ok: boolean) => (ok ? "pass" : "MISS");
  const detectWarm = quantile(results.map((x) => x.backstoryWarm.detect), 0.5);
  const detectOptimized = quantile(results.map((x) => x.detectOptimized), 0.5);
  /** Warm ms per 1,000 words of article text: the median over article pages, and on the 16× page (fixed costs aside). */
  const perKWords = (f: (x: PageResult) => number) => {
    const onPages = perPage((x) => (x.backstory.words > 0 ? (1000 * f(x)) / x.backstory.words : NaN));
    const onLong = s16 && s16.backstory.words > 0 ? (1000 * f(s16)) / s16.backstory.words : NaN;
    return { onPages, onLong };
  };
  const knownRate = perKWords((x) => x.backstoryWarm.known);
  const unknownRate = perKWords((x) => x.backstoryWarm.unknown);
  // The budget's "warm", as the background runs the matchers: the long-lived page's median over article pages.
  const lived = (key: "known" | "unknown") => {
    const rates = articles.flatMap((x) => {
      const t = r.longLived.perText.get(x.id);
      return t && t.words > 0 ? [(1000 * t[key]) / t.words] : [];
    });
    const long = s16 ? r.longLived.perText.get(s16.id) : undefined;
    return { onPages: quantile(rates, 0.5), onLong: long && long.words > 0 ? (1000 * long[key]) / long.words : NaN, n: rates.length };
  };
  const knownLived = lived("known");
  const unknownLived = lived("unknown");
  const livedText = (l: ReturnType<typeof lived>, fresh: ReturnType<typeof perKWords>) =>
    `${fmt(l.onPages, 2)} ms (16×: ${fmt(l.onLong, 2)}; each page's fresh renderer: ${fmt(fresh.onPages, 2)}, 16×: ${fmt(fresh.onLong, 2)})`;
  say("Budgets");
  say(table(["budget", "measured", "result"], [
    ["work per article page ≤ 1/4 of Readability, cold (median of per-page ratios)", `${fmt(vsReadability, 3)}`, pass(vsReadability <= 0.25)],
    ["  the same, warm", `${fmt(vsReadabilityWarm, 3)}`, pass(vsReadabilityWarm <= 0.25)],
    ["work per article page ≤ 20× the bare walk, cold (median of per-page ratios)", `${fmt(vsFloor, 1)}×`, pass(vsFloor <= 20)],
    ["  the same, warm", `${fmt(vsFloorWarm, 1)}×`, pass(vsFloorWarm <= 20)],
    ["  stretch: ≤ 10× the bare walk, warm", `${fmt(vsFloorWarm, 1)}×`, pass(vsFloorWarm <= 10)],
    ["article detection ≤ 2 ms per page, warm (median over all pages)", `${fmt(detectWarm, 2)} ms (optimized code: ${fmt(detectOptimized, 2)})`, pass(detectWarm <= 2)],
    [`known-name matching ≤ 1 ms per 1,000 words, warm: one long-lived page, text after text, as the background (median of per-page rates, ${r.longLived.rounds} rounds)`, livedText(knownLived, knownRate), pass(knownLived.onPages <= 1)],
    ["unknown names ≤ 3 ms per 1,000 words, warm: the same", livedText(unknownLived, unknownRate), pass(unknownLived.onPages <= 3)],
    ["non-article page pays only for detection", onlyDetection ? "detection only" : "more than detection", pass(onlyDetection)],
    ["non-article page: real extension, content.js CPU median ≤ 2 ms (new renderer process per page)", extResults.length ? `${fmt(nonArticleExt, 2)} ms (a one-line script: ${fmt(nonArticleFloor, 2)})` : "not run", extResults.length ? pass(nonArticleExt <= 2) : "–"],
    ["  the same, renderer process reused (pages of one site)", extResults.length ? `${fmt(nonArticleReused, 2)} ms` : "not run", extResults.length ? pass(nonArticleReused <= 2) : "–"],
    ["what every page loads: content.js ≤ 30 KB gzipped", kb(sizes.find((x) => x.name.startsWith("content.js"))?.gzip ?? NaN), pass((sizes.find((x) => x.name.startsWith("content.js"))?.gzip ?? Infinity) <= 30 * 1024)],
    ["popup first render ≤ 100 ms (median)", `${fmt(popupMedian)} ms`, pass(popupMedian <= 100)],
    ...r.tenfold.budgets,
    ["no task over 50 ms: injected pipeline, its longest step (slices cut between steps), all pages + synthetic, cold", `${fmt(injectedMax)} ms (${injectedWorst?.id ?? "–"})`, pass(injectedMax <= 50)],
    ["no task over 50 ms: real extension, longest task content.js ran (longtask + profile; 0 = none over 50)", extResults.length ? `${fmt(realMax)} ms (longest stretch of samples ${fmt(realStretch)})` : "not run", extResults.length ? pass(realMax <= 50) : "–"],
    ["no task over 50 ms: real extension in Firefox, longest slice its content script ran", r.firefox.length ? `${fmt(ffLongest)} ms (${ffWorst?.id ?? "–"})` : "not run", r.firefox.length ? pass(ffLongest <= 50) : "–"],
    ["linear growth: 16× page ≤ ~16× the 1× page, warm (≤ 19.2×)", `${fmt(growth)}× (text ${fmt(growthChars)}×)`, pass(growth <= 16 * 1.2)],
  ]));
  say();
  say(`${results.length} pages measured (${articles.length} articles), ${syntheticResults.length} synthetic, ${extResults.length} real-extension loads in ${fmt(r.seconds, 0)} s; raw figures in test-output/bench.json`);
  console.log(out.join("\n"));
  writeFileSync(path.join(OUT, "bench.json"), JSON.stringify({
    date: new Date().toISOString(), quick, limit: Number.isFinite(limit) ? limit : null, crossOriginIsolated: r.isolated,
    budgets: { firefoxMaxSliceMs: ffLongest, detectWarm, detectOptimized, knownPerKWords: knownLived.onPages, unknownPerKWords: unknownLived.onPages, knownPerKWordsFreshPage: knownRate.onPages, unknownPerKWordsFreshPage: unknownRate.onPages, vsReadability, vsReadabilityWarm, vsFloor, vsFloorWarm, onlyDetection, injectedMaxTaskMs: injectedMax, realMaxTaskMs: realMax, realMaxStretchMs: realStretch, growth16: growth, growthChars16: growthChars, nonArticleExt, nonArticleFloor, nonArticleReused },
    sizes, popup, pages: results, synthetic: syntheticResults, extension: extResults, extensionFloor: r.floorResults, firefox: r.firefox,
  }, null, 1));
}
