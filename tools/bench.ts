// `npm run bench`: Backstory's content-script cost on real pages, step by step, next to a bare
// text walk (the floor), Readability, mark.js and compromise on the same pages, in headless
// Chromium, and the real extension in Chromium and Firefox ESR; bundle sizes; popup time to first render. Reads ../shared/corpus (see its README);
// exits 0 with a note when it is absent. A report, not a test: budgets print pass/miss, exit is 0.
//
//   npm run bench                 the whole corpus (~476 pages) and the synthetic long pages
//   npm run bench -- --quick      6 pages per corpus folder, fewer repetitions (~1 min)
//   npm run bench -- --limit N    N pages per corpus folder
//   npm run bench -- --ext-every K   real-extension pass on every K-th corpus page (default 3, --quick 1; 0 = none)
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { knowledge } from "../src/knowledge/index";
import { compileMatcher } from "../src/core/mentions/compile";
import { CORPUS, OUT, ROOT, quick, limit, extEvery, keywordEvery, firstRunEvery, SCALES } from "./bench/config";
import { corpusBytes, corpusFolders, type CorpusPage } from "./lib/corpus";
import { CHROMIUM, QUIET_CHROMIUM, launchChromium } from "./lib/browsers";
import { startServer } from "./bench/server";
import { bundle, bundleSizes } from "./bench/bundles";
import { measurePage, texts, type PageResult } from "./bench/injected";
import { tenfoldKnowledge } from "./bench/tenfold";
import { corpusExtOf, extensionPass, floorExtension, REUSED, type ExtResult } from "./bench/extension";
import { firefoxPass } from "./bench/firefox";
import { longLivedPass } from "./bench/background";
import { report } from "./bench/report";

/** N pages per corpus folder (--limit), each named by its folder and file. */
function corpusPages(): (CorpusPage & { id: string })[] {
  return corpusFolders(CORPUS).flatMap((folder) => folder.slice(0, limit).map((p) => ({ ...p, id: `${p.group}/${p.group === "extraction" ? p.name.slice(0, 12) : p.name}` })));
}

if (!existsSync(CORPUS)) {
  console.log(`bench: the corpus is not at ${CORPUS} (see ../shared/corpus/README.md); nothing to measure.`);
  process.exit(0);
}
if (!CHROMIUM) {
  console.log("bench: no chromium at /usr/bin/chromium; nothing to measure.");
  process.exit(0);
}

async function main(): Promise<void> {
  const started = performance.now();
  const pages = corpusPages();
  const matcher = compileMatcher(knowledge);
  const benchSource = await bundle("tools/bench/page-bench.ts", matcher);
  mkdirSync(OUT, { recursive: true });
  console.log(`bench: ${pages.length} corpus pages from ${path.relative(ROOT, CORPUS)}${quick ? " (--quick)" : ""}; Chromium ${CHROMIUM}; page scripts off, offline`);

  const html = new Map<string, () => string>();
  pages.forEach((p, i) => html.set(`/page/${i}`, () => corpusBytes(p.file).toString("utf8")));
  const synthetic = new Map<number, string>();
  for (const n of SCALES) html.set(`/synthetic/${n}`, () => synthetic.get(n) ?? "");
  const { server, base } = await startServer(html);

  // Pass 1: the injected pipeline and the alternatives, in a browser without the extension.
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ["--enable-precise-memory-info", "--js-flags=--expose-gc", ...QUIET_CHROMIUM],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/page/0`).catch(() => undefined);
  const isolated = await page.evaluate(() => globalThis.crossOriginIsolated).catch(() => false);
  const results: PageResult[] = [];
  for (const [i, p] of pages.entries()) {
    const r = await measurePage(page, `${base}/page/${i}`, benchSource, p.id, p.group, 1, readFileSync(p.file).length, i % keywordEvery === 0 && Number.isFinite(keywordEvery), i % firstRunEvery === 0);
    if (r) results.push(r);
    if ((i + 1) % 50 === 0) console.log(`bench: ${i + 1}/${pages.length} pages (${Math.round((performance.now() - started) / 1000)} s)`);
  }

  // The synthetic long pages, from the corpus page with the longest article text.
  const largest = results.filter((r) => r.backstory.isArticle).sort((a, b) => b.backstory.chars - a.backstory.chars)[0];
  const syntheticResults: PageResult[] = [];
  if (largest) {
    const index = pages.findIndex((p) => p.id === largest.id);
    for (const n of SCALES) {
      await page.goto(`${base}/page/${index}`, { waitUntil: "load" });
      await page.evaluate(benchSource);
      synthetic.set(n, await page.evaluate((k) => (globalThis as unknown as { __bench: { replicate(n: number): string } }).__bench.replicate(k), n));
      const r = await measurePage(page, `${base}/synthetic/${n}`, benchSource, `${largest.id} ×${n}`, "synthetic", n, synthetic.get(n)!.length, n === 1);
      if (r) syntheticResults.push(r);
    }
  }
  // The matchers in one long-lived page, text after text, as the background runs them.
  const longLived = await longLivedPass(page, `${base}/page/0`, benchSource, texts, quick ? 3 : 5);
  await browser.close();

  // Pass 2: the real, built extension (dist/chrome) on the same pages and the synthetic ones; then the popup.
  const ext = path.join(ROOT, "dist/chrome");
  const extTargets = [
    // The first content-script run after the browser starts compiles content.js: reported on its own.
    { id: "first page after browser start (demo)", scale: 0, url: `${base}/demo/` },
    ...(extEvery > 0 ? pages.map((p, i) => ({ id: p.id, scale: 1, url: `${base}/page/${i}` })).filter((_, i) => i % extEvery === 0) : []),
    ...syntheticResults.map((r) => ({ id: r.id, scale: r.scale, url: `${base}/synthetic/${r.scale}` })),
    // The corpus pages again, each in the renderer process of the page before (see startServer's /plain/).
    ...(extEvery > 0 ? pages.map((p, i) => ({ id: `${REUSED}${p.id}`, scale: 1, url: `${base}/plain/page/${i}` })).filter((_, i) => i % extEvery === 0) : []),
  ];
  const { pages: extResults, popup } = await inBrowserWith(ext, (ctx) => extensionPass(ctx, extTargets, `${base}/demo/`));

  // The same non-article pages, each in a new renderer, with content.js a one-line script: the floor of that figure.
  const nonArticle = new Set(corpusExtOf(extResults).filter((e) => e.isArticle === false).map((e) => e.id));
  let floorResults: ExtResult[] = [];
  if (nonArticle.size > 0) {
    const floor = floorExtension(ext);
    // The first page after the browser starts, as in pass 2, then the pages.
    const floorTargets = [extTargets[0]!, ...extTargets.filter((t) => nonArticle.has(t.id))];
    try {
      floorResults = (await inBrowserWith(floor, (ctx) => extensionPass(ctx, floorTargets, null))).pages;
    } finally {
      rmSync(floor, { recursive: true, force: true });
    }
  }

  // Pass 3: the test build in Firefox ESR on the pages pass 1 found articles (the rest of a page stands by, and its
  // slices are detection's alone, the same code) and the synthetic ones: the longest slice its content script ran.
  const firefox = extEvery > 0 ? await firefoxPass([
    ...pages.map((p, i) => ({ id: p.id, scale: 1, url: `${base}/page/${i}` })).filter((t, i) => i % extEvery === 0 && results.find((x) => x.id === t.id)?.backstory.isArticle),
    ...syntheticResults.map((r) => ({ id: r.id, scale: r.scale, url: `${base}/synthetic/${r.scale}` })),
  ]) : [];
  server.close();

  const sizes = await bundleSizes(matcher);
  const tenfold = tenfoldKnowledge(matcher, [...results, ...syntheticResults.filter((x) => x.scale === 1)].filter((x) => x.backstory.isArticle).map((x) => x.id), texts);
  report({ tenfold, results, syntheticResults, extResults, floorResults, firefox, longLived, popup: popup ?? { runs: [], fcp: [], state: null }, sizes, isolated, seconds: (performance.now() - started) / 1000 });
}

/** Runs `pass` in a new Chromium profile with the unpacked extension in `dir` loaded, then removes the profile. */
async function inBrowserWith<T>(dir: string, pass: (ctx: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(path.join(tmpdir(), "backstory-bench-"));
  const ctx = await launchChromium(profile, { extension: dir, viewport: { width: 1200, height: 900 } });
  try {
    return await pass(ctx);
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
