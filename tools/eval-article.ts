// `npm run eval:article`: article detection against @mozilla/readability 0.6.0 on the
// real pages of ../shared/corpus, in one run, on the same documents (tools/lib/parse.ts: parse5's HTML-standard
// tree in linkedom nodes).
// The detector's text is what scanDocument reads (text map of the root, boilerplate skipped).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { parseDocument, readHtml } from "./lib/parse";
import { Readability, isProbablyReaderable } from "@mozilla/readability";
import { knowledge } from "../src/knowledge/index";
import { compileMatcher } from "../src/core/mentions/compile";
import { scanDocument } from "../src/core/scan";
import { detectArticle } from "../src/core/article/detect";
import { mayBeArticle } from "../src/core/article/gate";
import { isoDay } from "../src/core/article/metadata";
import { findDateInUrl } from "../src/core/article/dates";
import { shingleScore as score, type Prf } from "./lib/shingles";
import { CORPUS, part, projectRoot, requireCorpus } from "./lib/corpus";
import { FIXTURE_KINDS, KINDS, articleKind, newsUrls, notArticleKind, type Kind } from "./lib/page-kinds";

const corpus = CORPUS;
requireCorpus("eval:article", [
  part("news-pages/article", "article pages"),
  part("news-pages/not-article", "pages that are not articles"),
  part("readability-test-pages", "Readability's test pages"),
  part("extraction-benchmark/ground-truth.json", "the extraction benchmark's annotation"),
]);

const matcher = compileMatcher(knowledge);
const only = process.argv.slice(2).find((a) => !a.startsWith("-"));
const verbose = process.argv.includes("--verbose");

const load = readHtml;
const parse = parseDocument;

interface PageResult {
  isArticle: boolean;
  /** What the gate before detection says (the content script runs detection only when true). */
  gate: boolean;
  gateMs: number;
  readerable: boolean;
  text: string;
  readabilityText: string;
  published: string | null;
  publishedFrom: string | null;
  readabilityPublished: string | null;
  title: string | null;
  titleFrom: string | null;
  readabilityTitle: string | null;
  detectMs: number;
  readabilityMs: number;
  cloneMs: number;
}

/** One page through both: the detector on one parse, Readability on a fresh parse (it mutates). */
function run(html: string): PageResult {
  const doc = parse(html);
  const tg = performance.now();
  const gate = mayBeArticle(doc);
  const gateMs = performance.now() - tg;
  const t0 = performance.now();
  const article = detectArticle(doc);
  const detectMs = performance.now() - t0;
  const scan = scanDocument(doc, matcher);
  const text = scan.map ? scan.map.text : "";
  const readerable = isProbablyReaderable(doc);
  // What Readability inside the content script would cost on top: a clone of the live document to parse.
  const t2 = performance.now();
  doc.cloneNode(true);
  const cloneMs = performance.now() - t2;
  const fresh = parse(html);
  const t1 = performance.now();
  let parsed: ReturnType<Readability["parse"]> = null;
  try {
    parsed = new Readability(fresh).parse();
  } catch {
    parsed = null; // Counted as no extraction, as the extension would have nothing to show.
  }
  const readabilityMs = performance.now() - t1;
  return {
    isArticle: article.isArticle,
    gate,
    gateMs,
    readerable,
    text,
    readabilityText: parsed?.textContent ?? "",
    published: article.published,
    publishedFrom: article.publishedFrom,
    readabilityPublished: isoDay(parsed?.publishedTime ?? null),
    title: article.title,
    titleFrom: article.titleFrom,
    readabilityTitle: parsed?.title ?? null,
    detectMs,
    readabilityMs,
    cloneMs,
  };
}

// --- small statistics ---------------------------------------------------------------------
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
}
const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f3 = (x: number) => (Number.isNaN(x) ? "  -  " : x.toFixed(3));
const pct = (a: number, b: number) => `${a}/${b} (${b ? ((100 * a) / b).toFixed(1) : "-"}%)`;

const timesDetect: number[] = [];
const timesReadability: number[] = [];
const timesClone: number[] = [];
const notArticleTimes: number[] = [];
const timesGate: number[] = [];
/** Pages detection calls articles that the gate would have stopped: the gate's one way to be wrong. */
const gateMisses: string[] = [];
/** Per corpus folder: the pages detection calls articles and not, and how many of each the gate stopped. */
const gated = new Map<string, { articles: number; articlesStopped: number; others: number; othersStopped: number }>();
function gateTally(set: string, r: PageResult) {
  const g = gated.get(set) ?? { articles: 0, articlesStopped: 0, others: 0, othersStopped: 0 };
  if (r.isArticle) {
    g.articles++;
    if (!r.gate) g.articlesStopped++;
  } else {
    g.others++;
    if (!r.gate) g.othersStopped++;
  }
  gated.set(set, g);
}
function timed(r: PageResult) {
  timesGate.push(r.gateMs);
  timesDetect.push(r.detectMs);
  timesReadability.push(r.readabilityMs);
  timesClone.push(r.cloneMs + r.readabilityMs);
}

// --- per kind: what each kind of page gets (tools/lib/page-kinds.ts labels them) --------------------------------
interface KindRow {
  pages: number; judged: number; judgedR: number;
  headlines: number; headline: number; headlineR: number;
  found: number; foundR: number; dateRefs: number; dateOk: number; dateOkR: number;
  body: Prf[]; bodyR: Prf[];
}
const perKind = new Map<Kind, KindRow>();
interface Truth { goldHeadline?: string | null; dateRef?: string | null; body?: string }
function byKind(kind: Kind, r: PageResult, truth: Truth) {
  const k = perKind.get(kind) ?? { pages: 0, judged: 0, judgedR: 0, headlines: 0, headline: 0, headlineR: 0, found: 0, foundR: 0, dateRefs: 0, dateOk: 0, dateOkR: 0, body: [], bodyR: [] };
  perKind.set(kind, k);
  k.pages++;
  if (r.isArticle) k.judged++;
  if (r.readerable) k.judgedR++;
  if (truth.goldHeadline) {
    k.headlines++;
    if (exactHeadline(r.title, truth.goldHeadline)) k.headline++;
    if (exactHeadline(r.readabilityTitle, truth.goldHeadline)) k.headlineR++;
  }
  if (r.published) k.found++;
  if (r.readabilityPublished) k.foundR++;
  if (truth.dateRef) {
    k.dateRefs++;
    if (r.published === truth.dateRef) k.dateOk++;
    if (r.readabilityPublished === truth.dateRef) k.dateOkR++;
  }
  if (truth.body !== undefined) {
    k.body.push(score(truth.body, r.text));
    k.bodyR.push(score(truth.body, r.readabilityText));
  }
}

/** The verified headlines (tools/eval-article-headlines.json: what "exact" means is written there, beside them). */
interface HeadlineGold {
  "readability-test-pages": { synthetic: string[]; corrected: Record<string, { headline: string; why: string }> };
  "news-pages/article": { headlines: Record<string, string> };
}
const headlineGold = JSON.parse(readFileSync(path.join(projectRoot, "tools", "eval-article-headlines.json"), "utf8")) as HeadlineGold;
/** Exact as the gold file defines it: case, words and punctuation count; white space, quote and dash styles do not. */
function exactHeadline(got: string | null, want: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").replace(/[‘’‚‛′`´]/g, "'").replace(/[“”„‟«»″]/g, '"').replace(/[‐-―−]/g, "-").replace(/\s+/g, " ").trim();
  return got !== null && norm(got) === norm(want);
}
const headlineMisses: string[] = [];
function headlineMiss(name: string, r: PageResult, want: string) {
  if (!exactHeadline(r.title, want)) headlineMisses.push(`${name}: want ${JSON.stringify(want)}, got ${JSON.stringify(r.title)} from ${r.titleFrom}`);
}

function rows(table: string[][]): string {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n");
}

// --- 1. news-pages: article vs not-article ------------------------------------------------
interface Classified { tp: number; fp: number; fn: number; tn: number; misses: string[] }
const blank = (): Classified => ({ tp: 0, fp: 0, fn: 0, tn: 0, misses: [] });
function tally(c: Classified, truth: boolean, said: boolean, name: string) {
  if (truth && said) c.tp++;
  else if (!truth && said) { c.fp++; c.misses.push(`FP ${name}`); }
  else if (truth && !said) { c.fn++; c.misses.push(`FN ${name}`); }
  else c.tn++;
}
const accuracy = (c: Classified) => (c.tp + c.tn) / (c.tp + c.tn + c.fp + c.fn);

/** Which signal gave the date, per page set: "json-ld datePublished" → "json-ld". */
const signals = new Map<string, Map<string, number>>();
function signal(set: string, from: string | null) {
  const kind = from === null ? "(none)" : from.split(" ")[0]!;
  const m = signals.get(set) ?? new Map<string, number>();
  signals.set(set, m.set(kind, (m.get(kind) ?? 0) + 1));
}

/** Headlines compared as a reader would: case, spacing, quote and dash styles aside. */
function sameTitle(a: string | null, b: string | null): boolean {
  const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”„«»]/g, '"').replace(/[‐-―−]/g, "-").replace(/\s+/g, " ").trim();
  return a !== null && b !== null && norm(a) === norm(b);
}

/** The same headline, the site's name aside: equal, or one is the other plus a separated prefix or suffix ("… | eHow"). */
function sameHeadline(a: string | null, b: string | null): boolean {
  if (sameTitle(a, b)) return true;
  if (a === null || b === null) return false;
  const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  const [x, y] = [norm(a), norm(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const sep = /^\s*(?:\||-|–|—|·|::|»|:)\s/;
  return short.length > 0 && ((long.startsWith(short) && sep.test(long.slice(short.length))) || (long.endsWith(short) && / (?:\||-|–|—|·|::|»)\s*$/.test(long.slice(0, long.length - short.length))));
}

const newsDetector = blank();
const newsReadable = blank();
let newsDated = 0, newsDatedReadability = 0, newsArticles = 0;
const urls = newsUrls(corpus);
for (const label of ["article", "not-article"] as const) {
  const dir = path.join(corpus, "news-pages", label);
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".html.gz")).sort()) {
    if (only && !file.includes(only)) continue;
    const html = load(path.join(dir, file));
    const r = run(html);
    const url = urls.get(file) ?? null;
    const gold = label === "article" ? headlineGold["news-pages/article"].headlines[file] ?? null : null;
    byKind(label === "article" ? articleKind(html, url) : notArticleKind(url ?? ""), r, { goldHeadline: gold, dateRef: label === "article" ? findDateInUrl(url) : null });
    if (gold) headlineMiss(`news-pages/${file}`, r, gold);
    timed(r);
    gateTally(`news-pages/${label}`, r);
    if (!r.gate && r.isArticle) gateMisses.push(`news-pages/${label}/${file}`);
    if (label === "not-article") notArticleTimes.push(r.detectMs);
    tally(newsDetector, label === "article", r.isArticle, file);
    tally(newsReadable, label === "article", r.readerable, file);
    if (label === "article") {
      newsArticles++;
      signal("news-pages articles", r.publishedFrom);
      if (r.published) newsDated++;
      if (r.readabilityPublished) newsDatedReadability++;
    }
  }
}

// --- 2. Readability's test pages: readerable flags and publication dates ------------------
const rtDetector = blank();
const rtReadable = blank();
let rtWithDate = 0, rtAgree = 0, rtAgreeReadability = 0;
let rtWithTitle = 0, rtTitle = 0, rtTitleReadability = 0, rtHeadline = 0, rtHeadlineReadability = 0;
const dateMisses: string[] = [];
const titleMisses: string[] = [];
const rtDir = path.join(corpus, "readability-test-pages");
if (existsSync(rtDir)) {
  for (const name of readdirSync(rtDir).sort()) {
    if (only && !name.includes(only)) continue;
    const src = path.join(rtDir, name, "source.html");
    const metaFile = path.join(rtDir, name, "expected-metadata.json");
    if (!existsSync(src) || !existsSync(metaFile)) continue;
    const expected = JSON.parse(readFileSync(metaFile, "utf8")) as { readerable?: boolean; publishedTime?: string | null; title?: string | null };
    const r = run(load(src));
    timed(r);
    gateTally("readability-test-pages", r);
    const rtGold = headlineGold["readability-test-pages"];
    const verified = expected.readerable === true && !rtGold.synthetic.includes(name) ? rtGold.corrected[name]?.headline ?? expected.title ?? null : null;
    byKind(expected.readerable === true ? "article" : "not readerable (Readability's flag)", r, { goldHeadline: verified, dateRef: isoDay(expected.publishedTime ?? null) });
    if (verified) headlineMiss(`readability-test-pages/${name}`, r, verified);
    if (!r.gate && r.isArticle) gateMisses.push(`readability-test-pages/${name}`);
    tally(rtDetector, expected.readerable === true, r.isArticle, name);
    tally(rtReadable, expected.readerable === true, r.readerable, name);
    if (expected.readerable === true && expected.title) {
      rtWithTitle++;
      if (sameTitle(r.title, expected.title)) rtTitle++;
      else titleMisses.push(`${name}: want ${JSON.stringify(expected.title)}, got ${JSON.stringify(r.title)}`);
      if (sameTitle(r.readabilityTitle, expected.title)) rtTitleReadability++;
      if (sameHeadline(r.title, expected.title)) rtHeadline++;
      if (sameHeadline(r.readabilityTitle, expected.title)) rtHeadlineReadability++;
    }
    if (expected.readerable === true) signal("readability-test-pages (readerable)", r.publishedFrom);
    const want = isoDay(expected.publishedTime ?? null);
    if (want) {
      rtWithDate++;
      if (r.published === want) rtAgree++;
      else dateMisses.push(`${name}: want ${want}, got ${r.published}`);
      if (r.readabilityPublished === want) rtAgreeReadability++;
    }
  }
}

// --- 3. extraction benchmark ----------------------------------------------------------------
const exDetector: Prf[] = [];
const exReadability: Prf[] = [];
const exWorst: { id: string; d: Prf; r: Prf }[] = [];
let exDated = 0, exDatedReadability = 0, exUrlDated = 0, exUrlAgree = 0, exUrlAgreeReadability = 0;
const exDir = path.join(corpus, "extraction-benchmark");
if (existsSync(exDir)) {
  const truth = JSON.parse(readFileSync(path.join(exDir, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url?: string }>;
  for (const id of Object.keys(truth).sort()) {
    if (only && !id.includes(only)) continue;
    const file = path.join(exDir, "html", `${id}.html.gz`);
    if (!existsSync(file)) continue;
    const r = run(load(file));
    timed(r);
    gateTally("extraction-benchmark", r);
    if (!r.gate && r.isArticle) gateMisses.push(`extraction-benchmark/${id}`);
    byKind("article", r, { dateRef: findDateInUrl(truth[id]!.url ?? null), body: truth[id]!.articleBody });
    const d = score(truth[id]!.articleBody, r.text);
    const rd = score(truth[id]!.articleBody, r.readabilityText);
    exDetector.push(d);
    exReadability.push(rd);
    exWorst.push({ id, d, r: rd });
    signal("extraction pages", r.publishedFrom);
    // The address the benchmark gives (not in the saved page) dates some pages: a check on the other signals.
    const urlDay = findDateInUrl(truth[id]!.url ?? null);
    if (urlDay) {
      exUrlDated++;
      if (r.published === urlDay) exUrlAgree++;
      else dateMisses.push(`extraction ${id.slice(0, 12)} (${truth[id]!.url}): want ${urlDay}, got ${r.published} from ${r.publishedFrom}`);
      if (r.readabilityPublished === urlDay) exUrlAgreeReadability++;
    }
    if (r.published) exDated++;
    if (r.readabilityPublished) exDatedReadability++;
  }
}

// --- 4. the self-made pages of tests/fixtures/pages: the kinds the corpus lacks (podcast, recipe, contact, …) ----------
const fixtureDir = path.join(projectRoot, "tests", "fixtures", "pages");
const fixtures = blank();
for (const [file, { kind, article }] of Object.entries(FIXTURE_KINDS)) {
  if (only && !file.includes(only)) continue;
  const r = run(readFileSync(path.join(fixtureDir, file), "utf8"));
  tally(fixtures, article, r.isArticle, `fixture ${file}`);
  byKind(kind, r, {});
}

// --- report ---------------------------------------------------------------------------------
function summary(xs: Prf[]) {
  const ps = xs.flatMap((x) => (x.precision === null ? [] : [x.precision]));
  const rs = xs.map((x) => x.recall);
  const p = mean(ps), r = mean(rs);
  return { p, r, f1: (2 * p * r) / (p + r), pMed: median(ps), rMed: median(rs), f1Mean: mean(xs.map((x) => x.f1)), f1Med: median(xs.map((x) => x.f1)), empty: xs.length - ps.length };
}

console.log(`Corpus: ${corpus}\n`);
console.log("1. Article vs not-article");
console.log(rows([
  ["", "accuracy", "FP", "FN", "TP", "TN"],
  ...([
    ["news-pages: Backstory detectArticle", newsDetector],
    ["news-pages: Readability isProbablyReaderable", newsReadable],
    ["readability-test-pages (readerable flag): Backstory", rtDetector],
    ["readability-test-pages (readerable flag): isProbablyReaderable", rtReadable],
  ] as const).map(([n, c]) => [n, f3(accuracy(c)), String(c.fp), String(c.fn), String(c.tp), String(c.tn)]),
]));
console.log(`   news-pages: ${newsDetector.tp}/${newsDetector.tp + newsDetector.fn} articles found, ${newsDetector.fp}/${newsDetector.fp + newsDetector.tn} non-articles flagged`);
console.log("   The gate before detection (src/core/article/gate.ts; the content script detects only past it): pages it stops");
console.log(rows([
  ["", "of detection's articles", "of the other pages"],
  ...[...gated].map(([set, g]) => [`   ${set}`, `${g.articlesStopped}/${g.articles}`, `${g.othersStopped}/${g.others}`]),
]));
if (gateMisses.length) console.log(`   articles the gate stops: ${gateMisses.join(", ")}`);

if (exDetector.length) {
  const d = summary(exDetector), r = summary(exReadability);
  console.log(`\n2. Body extraction, extraction benchmark (${exDetector.length} pages; 4-token shingles; P mean over non-empty predictions, F1 = harmonic mean of mean P and mean R)`);
  console.log(rows([
    ["", "F1", "P mean", "R mean", "P median", "R median", "page-F1 mean", "page-F1 median", "empty"],
    ["Backstory (scanDocument text)", f3(d.f1), f3(d.p), f3(d.r), f3(d.pMed), f3(d.rMed), f3(d.f1Mean), f3(d.f1Med), String(d.empty)],
    ["Readability.parse() textContent", f3(r.f1), f3(r.p), f3(r.r), f3(r.pMed), f3(r.rMed), f3(r.f1Mean), f3(r.f1Med), String(r.empty)],
  ]));
}

console.log("\n3. Publication date");
console.log(`   "agrees" = the calendar day of publishedTime in readability-test-pages/*/expected-metadata.json (${rtWithDate} pages have one);`);
console.log(`   "the address's date" = a full date in the page's address in extraction-benchmark/ground-truth.json (not in the saved page).`);
console.log(rows([
  ["", "agrees", `agrees with the address's date (${exUrlDated} extraction pages)`, "found on news-pages articles", "found on extraction pages"],
  ["Backstory", pct(rtAgree, rtWithDate), pct(exUrlAgree, exUrlDated), pct(newsDated, newsArticles), pct(exDated, exDetector.length)],
  ["Readability", pct(rtAgreeReadability, rtWithDate), pct(exUrlAgreeReadability, exUrlDated), pct(newsDatedReadability, newsArticles), pct(exDatedReadability, exDetector.length)],
]));

const kinds = ["json-ld", "meta", "time", "byline", "url", "title", "(none)"];
console.log("   Which signal gave the date (json-ld, meta tags, <time>, the visible byline date, the address, the title):");
console.log(rows([
  ["", ...kinds],
  ...[...signals].map(([set, m]) => [set, ...kinds.map((k) => String(m.get(k) ?? 0))]),
]));

console.log(`\n4. Headline`);
console.log(`   Agreement with the title in readability-test-pages/*/expected-metadata.json on its readerable pages (${rtWithTitle}), case, spacing, quote and dash styles aside.`);
console.log("   They are Readability's own output: it agrees by construction. \"Site name aside\": equal but for a separated prefix or suffix (\"… | eHow\").");
console.log(rows([
  ["", "agrees", "agrees, site name aside"],
  ["Backstory", pct(rtTitle, rtWithTitle), pct(rtHeadline, rtWithTitle)],
  ["Readability", pct(rtTitleReadability, rtWithTitle), pct(rtHeadlineReadability, rtWithTitle)],
]));

const hl = [...perKind.values()].reduce((a, k) => ({ n: a.n + k.headlines, ours: a.ours + k.headline, r: a.r + k.headlineR }), { n: 0, ours: 0, r: 0 });
console.log(`   Exact against the verified headline (tools/eval-article-headlines.json, ${hl.n} pages: news-pages articles and Readability's real pages; "exact" as defined there: case counts):`);
console.log(rows([
  ["", "exact"],
  ["Backstory", pct(hl.ours, hl.n)],
  ["Readability", pct(hl.r, hl.n)],
]));

console.log(`\n5. Time per page, ms (${timesDetect.length} pages, linkedom nodes, same run; Readability on a fresh parse)`);
const timeRow = (name: string, xs: number[]) => [name, median(xs).toFixed(2), quantile(xs, 0.9).toFixed(2), quantile(xs, 1).toFixed(2)];
console.log(rows([
  ["", "median", "p90", "max"],
  timeRow("Backstory detectArticle", timesDetect),
  timeRow("Backstory's gate before detection (mayBeArticle)", timesGate),
  timeRow("Readability.parse()", timesReadability),
  timeRow("Readability on a live page: cloneNode(true) + parse()", timesClone),
  timeRow("Backstory on news-pages/not-article", notArticleTimes),
]));
console.log(`   median ratio Readability/Backstory: ${(median(timesReadability) / median(timesDetect)).toFixed(1)}x`);

console.log(`\n6. Per kind of page (${[...perKind.values()].reduce((a, k) => a + k.pages, 0)} pages: news-pages, readability-test-pages, the extraction benchmark, tests/fixtures/pages;`);
console.log("   kinds by tools/lib/page-kinds.ts). Each cell: Backstory / Readability (isProbablyReaderable, parse()).");
console.log("   \"date correct\": against the reference day where one exists (Readability's publishedTime, a full date in the page's address).");
const both = (a: number, b: number, n: number) => (n ? `${a} / ${b} of ${n}` : "-");
const f1Of = (xs: Prf[]) => (xs.length ? f3(summary(xs).f1) : "-");
console.log(rows([
  ["", "pages", "judged article", "headline exact", "date found", "date correct", "body F1"],
  ...KINDS.filter((k) => perKind.has(k)).map((kind) => {
    const k = perKind.get(kind)!;
    return [`   ${kind}`, String(k.pages), `${k.judged} / ${k.judgedR}`, both(k.headline, k.headlineR, k.headlines), `${k.found} / ${k.foundR}`, both(k.dateOk, k.dateOkR, k.dateRefs), k.body.length ? `${f1Of(k.body)} / ${f1Of(k.bodyR)}` : "-"];
  }),
]));
if (fixtures.fp + fixtures.fn > 0) console.log(`   fixtures misjudged: ${fixtures.misses.join(", ")}`);
const dates = [...perKind.values()].reduce((a, k) => ({ n: a.n + k.dateRefs, ours: a.ours + k.dateOk, r: a.r + k.dateOkR }), { n: 0, ours: 0, r: 0 });
console.log(`\nSummary beside Readability: headline exact ${pct(hl.ours, hl.n)} vs ${pct(hl.r, hl.n)}; date correct ${pct(dates.ours, dates.n)} vs ${pct(dates.r, dates.n)}; news-pages ${newsDetector.tp}/${newsDetector.tp + newsDetector.fn} articles found, ${newsDetector.fp}/${newsDetector.fp + newsDetector.tn} non-articles judged articles (Readability ${newsReadable.fp}).`);

if (verbose) {
  console.log("\nMisclassified:", [...newsDetector.misses, ...rtDetector.misses].join("\n  "));
  console.log("\nMisses against the verified headline:\n  " + headlineMisses.join("\n  "));
  console.log("\nDate misses:\n  " + dateMisses.join("\n  "));
  console.log("\nHeadline misses:\n  " + titleMisses.join("\n  "));
  exWorst.sort((a, b) => a.d.f1 - b.d.f1);
  console.log("\nLowest extraction F1 (Backstory P/R vs Readability P/R):");
  for (const w of exWorst.slice(0, 25)) console.log(`  ${w.id.slice(0, 12)}  ${f3(w.d.precision ?? NaN)}/${f3(w.d.recall)}  vs ${f3(w.r.precision ?? NaN)}/${f3(w.r.recall)}`);
}

// --- 6. what each design adds to the content script ---------------------------------------------
async function minified(contents: string): Promise<Uint8Array> {
  const out = await build({
    stdin: { contents, resolveDir: projectRoot, loader: "ts" }, bundle: true, minify: true, write: false,
    format: "esm", platform: "browser", target: "es2022", logLevel: "silent",
  });
  return out.outputFiles[0]!.contents;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sizes = async (name: string, entry: string) => {
  const bytes = await minified(entry);
  return [name, kb(bytes.length), kb(gzipSync(bytes).length)];
};
console.log("\n7. Content script cost (esbuild, minified)");
console.log(rows([
  ["", "minified", "gzip"],
  await sizes("Backstory detectArticle (with metadata and quirks)", `export { detectArticle } from "./src/core/article/detect";`),
  await sizes("@mozilla/readability (Readability + isProbablyReaderable)", `export { Readability, isProbablyReaderable } from "@mozilla/readability";`),
]));
