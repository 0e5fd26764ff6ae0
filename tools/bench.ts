// `npm run bench`: Backstory's content-script cost on real pages, step by step, next to a bare
// text walk (the floor), Readability, mark.js and compromise on the same pages, in headless
// Chromium; bundle sizes; popup time to first render. Reads ../shared/corpus (see its README);
// exits 0 with a note when it is absent. A report, not a test: budgets print pass/miss, exit is 0.
//
//   npm run bench                 the whole corpus (~476 pages) and the synthetic long pages
//   npm run bench -- --quick      6 pages per corpus folder, fewer repetitions (~1 min)
//   npm run bench -- --limit N    N pages per corpus folder
//   npm run bench -- --ext-every K   real-extension pass on every K-th corpus page (default 3, --quick 1; 0 = none)
import * as esbuild from "esbuild";
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from "playwright-core";
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { knowledge } from "../src/knowledge/index";
import { compileMatcher, type CompiledMatcher } from "../src/core/mentions/compile";
import { findMentions } from "../src/core/mentions/find";
import { growthExponent, quantile, ratio, summarize } from "./bench/stats";
import type { BackstoryRun } from "./bench/page-bench";

/** The project (npm runs scripts there; tools/run-ts.mjs bundles this file elsewhere, so import.meta is no guide). */
const ROOT = process.cwd();
const CORPUS = path.resolve(ROOT, "../shared/corpus");
const OUT = path.join(ROOT, "test-output");
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string): number | null => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : null;
};
const quick = flag("--quick");
const limit = option("--limit") ?? (quick ? 6 : Infinity);
const extEvery = option("--ext-every") ?? (quick ? 1 : 3);
const popupRuns = quick ? 3 : 7;
/** mark.js with the aliases as keywords takes seconds a page: every k-th corpus page only. */
const keywordEvery = quick ? Infinity : 40;
const SCALES = [1, 2, 4, 8, 16];

if (!existsSync(CORPUS)) {
  console.log(`bench: the corpus is not at ${CORPUS} (see ../shared/corpus/README.md); nothing to measure.`);
  process.exit(0);
}
if (!CHROMIUM) {
  console.log("bench: no chromium at /usr/bin/chromium; nothing to measure.");
  process.exit(0);
}

// ---------------------------------------------------------------- corpus
type Group = "news-article" | "news-not-article" | "readability" | "extraction";
interface CorpusPage {
  id: string;
  group: Group;
  file: string;
}

function corpusPages(): CorpusPage[] {
  const pages: CorpusPage[] = [];
  const add = (group: Group, files: string[], id: (f: string) => string) => {
    for (const file of files.sort().slice(0, limit)) pages.push({ id: `${group}/${id(file)}`, group, file });
  };
  const gz = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".html.gz")).map((f) => path.join(dir, f)) : []);
  add("news-article", gz(path.join(CORPUS, "news-pages/article")), (f) => path.basename(f, ".html.gz"));
  add("news-not-article", gz(path.join(CORPUS, "news-pages/not-article")), (f) => path.basename(f, ".html.gz"));
  const rt = path.join(CORPUS, "readability-test-pages");
  const rtFiles = existsSync(rt) ? readdirSync(rt).map((d) => path.join(rt, d, "source.html")).filter(existsSync) : [];
  add("readability", rtFiles, (f) => path.basename(path.dirname(f)));
  add("extraction", gz(path.join(CORPUS, "extraction-benchmark/html")), (f) => path.basename(f, ".html.gz").slice(0, 12));
  return pages;
}

function readPage(file: string): string {
  const raw = readFileSync(file);
  return (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
}

// ---------------------------------------------------------------- page server
// Pages are served as saved, minus <meta http-equiv=refresh>, under a policy that runs none of
// their scripts and loads nothing from elsewhere (the machine is offline; news-site scripts would
// pollute the timings). Extension content scripts and Playwright's evaluate are not subject to it.
// COOP+COEP make the page cross-origin isolated: performance.now() then has 5 µs resolution, not 100 µs.
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
  "cache-control": "no-store",
};
const { "cross-origin-opener-policy": _coop, "cross-origin-embedder-policy": _coep, ...PLAIN_HEADERS } = PAGE_HEADERS;
const REFRESH = /<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi;

const DEMO_TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };

function startServer(html: Map<string, () => string>): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    // The demo article, for the popup timing: served as tools/serve.mjs does.
    const demo = /^\/demo\/([\w.-]*)$/.exec(pathname);
    if (demo) {
      const file = path.join(ROOT, "demo", demo[1] || "index.html");
      if (!existsSync(file)) return void res.writeHead(404).end();
      return void res.writeHead(200, { "content-type": DEMO_TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    }
    // /plain/…: the same page without COOP+COEP. Cross-origin isolation puts every navigation in a new renderer process
    // (no compiled code kept from the page before); without it, pages of one site share a process, as a reader's do.
    const plain = pathname.startsWith("/plain/");
    const get = html.get(plain ? pathname.slice("/plain".length) : pathname);
    if (!get) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    res.writeHead(200, plain ? PLAIN_HEADERS : PAGE_HEADERS).end(get().replace(REFRESH, ""));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    resolve({ server, base: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` });
  }));
}

// ---------------------------------------------------------------- bundles
const matcherPlugin = (matcher: CompiledMatcher): esbuild.Plugin => ({
  name: "backstory-matcher",
  setup(build) {
    build.onResolve({ filter: /^backstory:matcher$/ }, () => ({ path: "matcher", namespace: "backstory" }));
    build.onLoad({ filter: /.*/, namespace: "backstory" }, () => ({ contents: JSON.stringify(matcher), loader: "json" }));
  },
});
/** The same patch build.mjs applies to Preact, so sizes match dist/. */
const textOnlyPreact: esbuild.Plugin = {
  name: "text-only-preact",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.module\.js$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replace(/(\w+)\.innerHTML=(\w+\.__html|"")/g, "$1.textContent=$2"),
      loader: "js",
    }));
  },
};

async function bundle(entry: string, matcher: CompiledMatcher, minify = true): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: ROOT, entryPoints: [entry], bundle: true, format: "iife", target: ["chrome120"], minify,
    legalComments: "none", jsx: "automatic", jsxImportSource: "preact", loader: { ".css": "text" },
    plugins: [matcherPlugin(matcher), textOnlyPreact], write: false, logLevel: "error",
  });
  return result.outputFiles[0]!.text;
}

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

interface Size { name: string; raw: number; gzip: number; }
async function bundleSizes(matcher: CompiledMatcher): Promise<Size[]> {
  // content.js carries no knowledge (docs/decisions/006): its size does not depend on the file.
  const sizes: Size[] = [];
  const dist = path.join(ROOT, "dist/chrome");
  // The popup is an ES module in chunks (build.mjs): popup.js and the shared chunk before its first render, the views after.
  const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
  const order = (f: string) => ["content.js", "background.js", "popup.js"].indexOf(f) + 1 || (f.startsWith("chunks/") ? 4 : 5);
  for (const name of files.sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const body = readFileSync(path.join(dist, name));
    const what = name.startsWith("chunks/views-") ? " (popup, after its first render)" : name.startsWith("chunks/") ? " (popup, shared)" : "";
    sizes.push({ name: `${name}${what}`, raw: body.length, gzip: gz(body) });
  }
  const json = JSON.stringify(matcher);
  sizes.push({ name: "compiled matcher JSON alone (in background.js)", raw: json.length, gzip: gz(json) });
  return sizes;
}

// ---------------------------------------------------------------- per-page measurement (no extension)
interface PageResult {
  id: string;
  group: Group | "synthetic";
  scale: number;
  bytes: number;
  /** First run on the freshly loaded page (cold code: what a visit pays). */
  floor: { ms: number; chars: number };
  backstory: BackstoryRun;
  /** Warm: per-field median of 3 further runs on the same page (no one-time compilation; the per-text cost). */
  floorWarm: { ms: number; chars: number };
  backstoryWarm: BackstoryRun;
  readabilityWarm: { ms: number; clone: number; parse: number; ok: boolean } | null;
  /** JS heap (CDP Runtime.getHeapUsage, after a full GC first): growth over the run, and what is still held after another full GC. */
  heap: { growth: number; retained: number };
  readability: { ms: number; clone: number; parse: number; ok: boolean } | null;
  compromise: { ms: number; people: number; organizations: number } | null;
  /** mark.js, all aliases as one RegExp (every article page); mark.js, aliases as keywords (a sample: it takes seconds). */
  markjs: { ms: number; marks: number; aliases: number } | null;
  markjsKeywords: { ms: number; marks: number; aliases: number } | null;
}

async function measurePage(page: Page, url: string, benchSource: string, id: string, group: PageResult["group"], scale: number, bytes: number, keywords: boolean): Promise<PageResult | null> {
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
    await cdp.detach();
    return { id, group, scale, bytes, floor, backstory, floorWarm, backstoryWarm, readabilityWarm, heap: { growth: heap1 - heap0, retained: heap2 - heap0 }, readability, compromise, markjs, markjsKeywords };
  } catch (error) {
    console.error(`bench: ${id}: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
}

/** Field by field, the median of numeric fields (booleans from the first). */
function medianFields<T extends object>(all: T[]): T {
  const out = { ...all[0]! } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (typeof out[key] === "number") out[key] = quantile(all.map((a) => (a as Record<string, number>)[key]!), 0.5);
  return out as T;
}

/** Article text per page id, as the content script reads it: the ×10 knowledge file is timed on it. */
const texts = new Map<string, string>();

// ---------------------------------------------------------------- a knowledge file ten times larger
/**
 * The real knowledge base plus nine synthetic copies, each entity renamed from real shapes: a person
 * gets another person's first name and a third person's surname (so first words collide as real names
 * do), an organization another's head words and a made-up acronym. Then: the matcher's size, what the
 * background pays to load it, and what matching costs per article page, against the real file.
 */
interface Tenfold { budgets: string[][]; lines: string[] }

function tenfoldKnowledge(real: CompiledMatcher, ids: string[], pageTexts: Map<string, string>): Tenfold {
  let seed = 20261201;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const people = knowledge.entities.filter((e) => e.type === "person");
  const firsts = people.map((e) => e.name.split(" ")[0]!);
  const lasts = people.map((e) => e.name.split(" ").slice(1).join(" ") || e.name);
  const orgWords = knowledge.entities.filter((e) => e.type === "organization").flatMap((e) => e.name.split(" ")).filter((w) => w.length > 3);
  const letters = "ABCDEFGHIKLMNOPRSTUVW";
  const synthetic = structuredClone(knowledge);
  for (let copy = 1; copy < 10; copy++) {
    for (const e of knowledge.entities) {
      const name = e.type === "person" ? `${pick(firsts)} ${pick(lasts)}` : `${pick(orgWords)} ${pick(orgWords)} ${e.name.split(" ").pop()}`;
      const acronym = Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick([...letters])).join("");
      const aliases = e.aliases.map((a, k) => (e.type === "person" ? `${name.split(" ")[0]} ${pick(lasts)}` : k === 0 ? acronym : `${pick(orgWords)} ${name}`));
      synthetic.entities.push({ ...e, id: `${e.id}-x${copy}`, name, aliases, contextAliases: [], related: [] });
    }
  }
  const t0 = performance.now();
  const big = compileMatcher(synthetic);
  const compileMs = performance.now() - t0;
  const parseMs = (m: CompiledMatcher) => {
    const json = JSON.stringify(m);
    const runs = [0, 1, 2, 3, 4].map(() => {
      const t = performance.now();
      JSON.parse(json);
      return performance.now() - t;
    });
    return { ms: quantile(runs, 0.5), bytes: json.length, gzip: gz(json) };
  };
  const perPage = (m: CompiledMatcher) => {
    const out: number[] = [];
    for (const id of ids) {
      const text = pageTexts.get(id);
      if (!text) continue;
      findMentions(text, m); // warm
      const runs = [0, 1, 2].map(() => {
        const t = performance.now();
        findMentions(text, m);
        return performance.now() - t;
      });
      out.push(quantile(runs, 0.5));
    }
    return out;
  };
  // content.js is built without the knowledge file (decision 006): a file of any size leaves it as it is.
  const content = readFileSync(path.join(ROOT, "dist/chrome/content.js"), "utf8");
  const idsInContent = knowledge.entities.filter((e) => e.id.includes("-") && content.includes(e.id)).length;
  const realRuns = perPage(real);
  const bigRuns = perPage(big);
  const realMedian = quantile(realRuns, 0.5);
  const bigMedian = quantile(bigRuns, 0.5);
  const perPageRatio = quantile(realRuns.map((r, i) => ratio(bigRuns[i]!, r)), 0.5);
  const realParse = parseMs(real);
  const bigParse = parseMs(big);
  const lines = [
    `Knowledge file ten times larger (${synthetic.entities.length} entities, ${Object.keys(big.aliases).length} alias keys; real: ${knowledge.entities.length}, ${Object.keys(real.aliases).length}), known-name matching in node on the ${realRuns.length} article texts above (warm, median of 3 per page)`,
    table(["", "real file", "×10 file", "ratio"], [
      ["matching per article page, median (ms)", fmt(realMedian, 3), fmt(bigMedian, 3), fmt(perPageRatio, 2)],
      ["content.js (what every page loads): entity ids it holds", String(idsInContent), "–", ""],
      ["compiled matcher, gzipped (background only)", kb(realParse.gzip), kb(bigParse.gzip), fmt(bigParse.gzip / realParse.gzip, 2)],
      ["background start: JSON.parse of the matcher (ms, once per background start)", fmt(realParse.ms, 2), fmt(bigParse.ms, 2), fmt(bigParse.ms / realParse.ms, 2)],
      ["build: compileMatcher (ms)", "", fmt(compileMs, 0), ""],
    ]),
  ];
  const pass = (ok: boolean) => (ok ? "pass" : "MISS");
  return {
    lines,
    budgets: [
      ["×10 knowledge file: matching per page within 10 % of the real file's (median per-page ratio)", `${fmt(perPageRatio, 2)}×`, pass(perPageRatio <= 1.1)],
      ["×10 knowledge file: page start-up unchanged (content.js holds none of the file's entity ids)", `${idsInContent} of ${knowledge.entities.length}`, pass(idsInContent === 0)],
    ],
  };
}

// ---------------------------------------------------------------- real extension
interface ExtResult {
  id: string;
  scale: number;
  /** The content script reported a summary to the background, or said it stands by, within the timeout. */
  reported: boolean;
  /** The gate stopped the page before detection (src/core/article/gate.ts). */
  standingBy: boolean;
  isArticle: boolean | null;
  /** Longest task on the page's main thread, whoever ran it (PerformanceObserver "longtask": tasks over 50 ms; 0 when none). */
  longestTask: number;
  longTasks: number;
  /** CPU profile of the page's main thread (50 µs sampling) from navigation to the summary: time with content.js on the stack. */
  contentMs: number;
  /** The longest stretch of consecutive samples inside content.js: its longest single task, near enough. */
  contentLongest: number;
}

const INIT_OBSERVER = `(() => {
  const w = window; w.__bsLong = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__bsLong.push(e.duration); }).observe({ type: "longtask", buffered: true }); } catch {}
})();`;

/**
 * In the service worker: null when a tab's content script stands by (it answers "which-document" with null), else
 * undefined. Every tab is asked (without the tabs permission a tab's address is not known); the page under
 * measurement is the only one with a content script.
 */
const askStandingBy = async (): Promise<null | undefined> => {
  type Tabs = { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tab: number, m: unknown, o: object): Promise<unknown> } };
  const { tabs } = (globalThis as unknown as { chrome: Tabs }).chrome;
  const answers = await Promise.all((await tabs.query({})).map((t) => (t.id === undefined ? undefined : tabs.sendMessage(t.id, { type: "which-document" }, { frameId: 0 }).catch(() => undefined))));
  return answers.includes(null) ? null : undefined;
};

interface ProfileNode { id: number; callFrame: { url: string; functionName: string }; children?: number[] }

/** Time with the extension's content script on the stack, and its longest uninterrupted stretch. */
function contentScriptTime(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): { total: number; longest: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inContent = new Map<number, boolean>();
  const isContent = (id: number): boolean => {
    let known = inContent.get(id);
    if (known === undefined) {
      const n = byId.get(id);
      known = n !== undefined && (/^chrome-extension:\/\/[^/]+\/content\.js/.test(n.callFrame.url) || (parent.has(id) && isContent(parent.get(id)!)));
      inContent.set(id, known);
    }
    return known;
  };
  let total = 0, run = 0, longest = 0;
  (profile.samples ?? []).forEach((sample, i) => {
    // timeDeltas[i] is the time since the previous sample: it belongs to the sample before.
    const dt = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    if (isContent(sample)) {
      total += dt;
      run += dt;
      longest = Math.max(longest, run);
    } else if (/^\((idle|program)\)$/.test(byId.get(sample)?.callFrame.functionName ?? "")) {
      run = 0; // back in the event loop: the task is over
    }
  });
  return { total, longest };
}

async function extensionPass(ctx: BrowserContext, targets: { id: string; scale: number; url: string }[], demoUrl: string): Promise<{ pages: ExtResult[]; popup: PopupResult }> {
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
  type Api = { storage: { session: { get(k: null): Promise<Record<string, { summary?: { isArticle?: boolean } }>>; clear(): Promise<void> } } };
  await ctx.addInitScript({ content: INIT_OBSERVER });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Profiler.enable");
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
          standingBy = await worker.evaluate(askStandingBy) === null;
          if (!standingBy) await cdp.send("Profiler.start");
        }
        if (!summary && !standingBy) await new Promise((r) => setTimeout(r, 25));
      }
      // Two frames, so the rendering the highlights cause is over too.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (!standingBy) profiles.push((await cdp.send("Profiler.stop")).profile);
      const parts = profiles.map((p) => contentScriptTime(p as never));
      const content = { total: parts.reduce((sum, p) => sum + p.total, 0), longest: Math.max(0, ...parts.map((p) => p.longest)) };
      const long = await page.evaluate(() => (window as unknown as { __bsLong?: number[] }).__bsLong ?? []);
      results.push({
        id: t.id, scale: t.scale, reported: summary !== undefined || standingBy, standingBy, isArticle: standingBy ? false : summary?.isArticle ?? null,
        longestTask: long.length ? Math.max(...long) : 0, longTasks: long.length, contentMs: content.total, contentLongest: content.longest,
      });
    } catch (error) {
      await cdp.send("Profiler.stop").catch(() => undefined);
      console.error(`bench: extension on ${t.id}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  await page.close();
  return { pages: results, popup: await popupPass(ctx, demoUrl, worker) };
}

interface PopupResult { runs: number[]; fcp: number[]; state: string | null; }

/** Popup open → first [data-state] element (its first real render), for the demo article's tab. */
async function popupPass(ctx: BrowserContext, demoUrl: string, worker: Worker): Promise<PopupResult> {
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

// ---------------------------------------------------------------- output
const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(digits)) : "–");
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
  const started = performance.now();
  const pages = corpusPages();
  const matcher = compileMatcher(knowledge);
  const benchSource = await bundle("tools/bench/page-bench.ts", matcher);
  mkdirSync(OUT, { recursive: true });
  console.log(`bench: ${pages.length} corpus pages from ${path.relative(ROOT, CORPUS)}${quick ? " (--quick)" : ""}; Chromium ${CHROMIUM}; page scripts off, offline`);

  const html = new Map<string, () => string>();
  pages.forEach((p, i) => html.set(`/page/${i}`, () => readPage(p.file)));
  const synthetic = new Map<number, string>();
  for (const n of SCALES) html.set(`/synthetic/${n}`, () => synthetic.get(n) ?? "");
  const { server, base } = await startServer(html);

  // Pass 1: the injected pipeline and the alternatives, in a browser without the extension.
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ["--enable-precise-memory-info", "--js-flags=--expose-gc", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/page/0`).catch(() => undefined);
  const isolated = await page.evaluate(() => globalThis.crossOriginIsolated).catch(() => false);
  const results: PageResult[] = [];
  for (const [i, p] of pages.entries()) {
    const r = await measurePage(page, `${base}/page/${i}`, benchSource, p.id, p.group, 1, readFileSync(p.file).length, i % keywordEvery === 0 && Number.isFinite(keywordEvery));
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
  await browser.close();

  // Pass 2: the real, built extension (dist/chrome) on the same pages and the synthetic ones; then the popup.
  const ext = path.join(ROOT, "dist/chrome");
  const profile = mkdtempSync(path.join(tmpdir(), "backstory-bench-"));
  const extTargets = [
    // The first content-script run after the browser starts compiles content.js: reported on its own.
    { id: "first page after browser start (demo)", scale: 0, url: `${base}/demo/` },
    ...(extEvery > 0 ? pages.map((p, i) => ({ id: p.id, scale: 1, url: `${base}/page/${i}` })).filter((_, i) => i % extEvery === 0) : []),
    ...syntheticResults.map((r) => ({ id: r.id, scale: r.scale, url: `${base}/synthetic/${r.scale}` })),
    // The corpus pages again, each in the renderer process of the page before (see startServer's /plain/).
    ...(extEvery > 0 ? pages.map((p, i) => ({ id: `${REUSED}${p.id}`, scale: 1, url: `${base}/plain/page/${i}` })).filter((_, i) => i % extEvery === 0) : []),
  ];
  const extCtx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1200, height: 900 },
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const { pages: extResults, popup } = await extensionPass(extCtx, extTargets, `${base}/demo/`);
  await extCtx.close();
  rmSync(profile, { recursive: true, force: true });
  server.close();

  const sizes = await bundleSizes(matcher);
  const tenfold = tenfoldKnowledge(matcher, [...results, ...syntheticResults.filter((x) => x.scale === 1)].filter((x) => x.backstory.isArticle).map((x) => x.id), texts);
  report({ tenfold, results, syntheticResults, extResults, popup, sizes, isolated, seconds: (performance.now() - started) / 1000 });
}

interface Report {
  tenfold: Tenfold;
  results: PageResult[];
  syntheticResults: PageResult[];
  extResults: ExtResult[];
  popup: PopupResult;
  sizes: Size[];
  isolated: boolean;
  seconds: number;
}

/** The id prefix of the real-extension runs in a reused renderer process. */
const REUSED = "reused renderer: ";
const corpusExtOf = (ext: ExtResult[]) => ext.filter((e) => e.scale === 1 && !e.id.includes("×") && !e.id.startsWith(REUSED));
const reusedExtOf = (ext: ExtResult[]) => ext.filter((e) => e.id.startsWith(REUSED));

function report(r: Report): void {
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
  const byGroup = (g: Group) => results.filter((x) => x.group === g);
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
      row("  of which stopped by the gate, before detection (ms)", corpusExt.filter((e) => e.standingBy).map((e) => e.contentMs)),
      row("  of which detection said no article (ms)", corpusExt.filter((e) => e.isArticle === false && !e.standingBy).map((e) => e.contentMs)),
      row("renderer process reused (no COOP/COEP): article pages (ms)", reusedExtOf(extResults).filter((e) => e.isArticle).map((e) => e.contentMs)),
      row("  non-article pages (ms)", reusedExtOf(extResults).filter((e) => e.isArticle === false).map((e) => e.contentMs)),
      row("  of which stopped by the gate (ms)", reusedExtOf(extResults).filter((e) => e.standingBy).map((e) => e.contentMs)),
      row("content.js longest stretch, all pages (ms)", corpusExt.map((e) => e.contentLongest)),
      row("longest task of any kind (longtask; 0 = none > 50 ms)", corpusExt.map((e) => e.longestTask)),
    ]));
    const over = extResults.filter((e) => e.scale > 0 && e.contentLongest > 50);
    say(`pages where content.js ran over 50 ms in one stretch: ${over.length} of ${extResults.length}${over.length ? `: ${over.slice(0, 8).map((e) => `${e.id} (${fmt(e.contentLongest)} ms)`).join(", ")}${over.length > 8 ? ", …" : ""}` : ""}`);
    if (first) say(`first page after the browser starts (demo article; content.js compiled, no code cache): content.js ${fmt(first.contentMs)} ms, longest stretch ${fmt(first.contentLongest)} ms`);
    say(`pages with a long task of any kind (page parsing and layout included): ${extResults.filter((e) => e.longestTask > 50).length}; pages whose content script never reported: ${extResults.filter((e) => !e.reported).length}`);
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
  const nonArticleReused = quantile(reusedExtOf(extResults).filter((e) => e.isArticle === false).map((e) => e.contentMs), 0.5);
  const popupMedian = quantile(popup.runs, 0.5);
  const injectedMax = Math.max(0, ...[...results, ...syntheticResults].map((x) => x.backstory.total));
  const injectedWorst = [...results, ...syntheticResults].sort((a, b) => b.backstory.total - a.backstory.total)[0];
  const realMax = Math.max(0, ...extResults.filter((e) => e.scale > 0).map((e) => e.contentLongest));
  const s16 = syntheticResults.find((x) => x.scale === 16);
  const growth = s16 && one ? ratio(s16.backstoryWarm.total, one.backstoryWarm.total) : NaN;
  const growthChars = s16 && one ? ratio(s16.backstory.chars, one.backstory.chars) : NaN;
  const pass = (ok: boolean) => (ok ? "pass" : "MISS");
  say("Budgets");
  say(table(["budget", "measured", "result"], [
    ["work per article page ≤ 1/4 of Readability, cold (median of per-page ratios)", `${fmt(vsReadability, 3)}`, pass(vsReadability <= 0.25)],
    ["  the same, warm", `${fmt(vsReadabilityWarm, 3)}`, pass(vsReadabilityWarm <= 0.25)],
    ["work per article page ≤ 20× the bare walk, cold (median of per-page ratios)", `${fmt(vsFloor, 1)}×`, pass(vsFloor <= 20)],
    ["  the same, warm", `${fmt(vsFloorWarm, 1)}×`, pass(vsFloorWarm <= 20)],
    ["  stretch: ≤ 10× the bare walk, warm", `${fmt(vsFloorWarm, 1)}×`, pass(vsFloorWarm <= 10)],
    ["non-article page pays only for detection", onlyDetection ? "detection only" : "more than detection", pass(onlyDetection)],
    ["non-article page: real extension, content.js CPU median ≤ 2 ms (new renderer process per page)", extResults.length ? `${fmt(nonArticleExt, 2)} ms` : "not run", extResults.length ? pass(nonArticleExt <= 2) : "–"],
    ["  the same, renderer process reused (pages of one site)", extResults.length ? `${fmt(nonArticleReused, 2)} ms` : "not run", extResults.length ? pass(nonArticleReused <= 2) : "–"],
    ["what every page loads: content.js ≤ 30 KB gzipped", kb(sizes.find((x) => x.name === "content.js")?.gzip ?? NaN), pass((sizes.find((x) => x.name === "content.js")?.gzip ?? Infinity) <= 30 * 1024)],
    ["popup first render ≤ 100 ms (median)", `${fmt(popupMedian)} ms`, pass(popupMedian <= 100)],
    ...r.tenfold.budgets,
    ["no task over 50 ms: injected pipeline (one synchronous task), all pages + synthetic", `${fmt(injectedMax)} ms (${injectedWorst?.id ?? "–"})`, pass(injectedMax <= 50)],
    ["no task over 50 ms: real extension, longest content.js stretch (profile)", extResults.length ? `${fmt(realMax)} ms` : "not run", extResults.length ? pass(realMax <= 50) : "–"],
    ["linear growth: 16× page ≤ ~16× the 1× page, warm (≤ 19.2×)", `${fmt(growth)}× (text ${fmt(growthChars)}×)`, pass(growth <= 16 * 1.2)],
  ]));
  say();
  say(`${results.length} pages measured (${articles.length} articles), ${syntheticResults.length} synthetic, ${extResults.length} real-extension loads in ${fmt(r.seconds, 0)} s; raw figures in test-output/bench.json`);
  console.log(out.join("\n"));
  writeFileSync(path.join(OUT, "bench.json"), JSON.stringify({
    date: new Date().toISOString(), quick, limit: Number.isFinite(limit) ? limit : null, crossOriginIsolated: r.isolated,
    budgets: { vsReadability, vsReadabilityWarm, vsFloor, vsFloorWarm, onlyDetection, injectedMaxTaskMs: injectedMax, realMaxTaskMs: realMax, growth16: growth, growthChars16: growthChars },
    sizes, popup, pages: results, synthetic: syntheticResults, extension: extResults,
  }, null, 1));
}

await main();
