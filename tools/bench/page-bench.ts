/**
 * The benchmark's page side, bundled by tools/bench.ts into an IIFE and run in
 * the page's main world. It calls the extension's real core functions step by
 * step (the same order as startSession), so each step can be timed, and the
 * alternatives on the same page: a bare text walk (the floor), Readability,
 * compromise and mark.js. Every entry point is synchronous: one call from node
 * is one task on the page's main thread. Matching (known and unknown names) runs
 * in the background in the extension (docs/decisions/006); it is timed here on
 * the same text for its cost per page, and kept out of the page's total.
 */
import matcher from "backstory:matcher";
import { detectArticle, detectSteps, isBoilerplate } from "../../src/core/article/detect";
import { buildTextMap, textMapSteps, type TextMap } from "../../src/core/textmap/textmap";
import { findMentions } from "../../src/core/mentions/find";
import { findUnknownNames } from "../../src/core/mentions/names";
import { MARKED_TYPES } from "../../src/core/scan";
import { paintSteps, type Paint } from "../../src/content/paint";
import { marksFrom } from "../../src/core/marks";
import { drain, type Steps } from "../../src/core/slices";
import { articleIsDark } from "../../src/content/theme";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { Readability } from "@mozilla/readability";
import nlp from "compromise";
import MarkJs from "mark.js";

const now = () => performance.now();

export interface BackstoryRun {
  isArticle: boolean;
  detect: number;
  walk: number;
  known: number;
  unknown: number;
  paint: number;
  /** What the page pays: detection, text walk, painting. */
  total: number;
  /** What the background pays for this page: known and unknown names. */
  names: number;
  /**
   * The longest single step of detection, the text walk and painting: the extension runs them in time slices
   * (src/content/scheduler.ts), which can cut between steps, never inside one: its floor for a task's length.
   */
  longestStep: number;
  /** Characters of article text, text nodes in it, known mentions marked, unknown names marked. */
  chars: number;
  /** Words of article text (runs of non-space), for the matchers' cost per 1,000 words. */
  words: number;
  nodes: number;
  mentions: number;
  unknownNames: number;
}

/** What the content script keeps alive after the scan: held here too, so the heap figure counts it. */
let session: { map: TextMap; painted: Paint } | null = null;
let articleText = "";
let articleRoot: Element | null = null;
let longestStep = 0;

/** Runs steps to the end, as drain does, timing each. */
function timed<T>(steps: Steps<T>): T {
  for (;;) {
    const t = now();
    const r = steps.next();
    longestStep = Math.max(longestStep, now() - t);
    if (r.done) return r.value;
  }
}

function backstory(): BackstoryRun {
  const settings = DEFAULT_SETTINGS;
  longestStep = 0;
  const t0 = now();
  // The content script's first read, step by step: detection as past the gate (src/content/verdict.ts), which reads
  // no headline or date on a page that is no article; then, on an article, what startSession does.
  const article = timed(detectSteps(document, { verdictOnly: true }));
  const t1 = now();
  const root = article.root;
  let t2 = t1, t3 = t1, t4 = t1, t5 = t1;
  let chars = 0, words = 0, nodes = 0, mentions = 0, unknownNames = 0;
  if (root) {
    const map = timed(textMapSteps(article.roots, article.isArticle ? article.skip : isBoilerplate));
    t2 = now();
    const found = findMentions(map.text, matcher);
    t3 = now();
    const unknownFound = findUnknownNames(map.text, found);
    t4 = now();
    const known = found.filter((m) => MARKED_TYPES.has(m.type));
    // startSession up to the hover setup: marks and paint (its summary, a count per name, is left out:
    // session.ts imports the extension runtime, which cannot load in a page).
    const marks = marksFrom({ mentions: known, unknown: unknownFound }, settings.kinds);
    if (marks.length > 0) {
      const painted = timed(paintSteps(document, map, marks, settings.markStyle, articleIsDark(root)));
      session = { map, painted };
    }
    t5 = now();
    chars = map.text.length;
    words = map.text.split(/\s+/).filter(Boolean).length;
    nodes = map.nodes.length;
    mentions = marks.filter((m) => m.entityId !== null).length;
    unknownNames = marks.length - mentions;
    articleText = map.text;
    articleRoot = root;
  }
  return {
    isArticle: article.isArticle,
    detect: t1 - t0,
    walk: root ? t2 - t1 : 0,
    known: root ? t3 - t2 : 0,
    unknown: root ? t4 - t3 : 0,
    paint: root ? t5 - t4 : 0,
    total: root ? t1 - t0 + (t2 - t1) + (t5 - t4) : t1 - t0,
    names: root ? t4 - t2 : 0,
    longestStep,
    chars, words, nodes, mentions, unknownNames,
  };
}

/**
 * Detection once V8 has optimized its code: ten runs, then the fastest of fifteen. The warm figure's runs (the 2nd
 * to 4th) are code still being optimized, which is most of what they cost; this one shows the rest.
 */
function detectOptimized(): number {
  for (let k = 0; k < 10; k++) drain(detectSteps(document, { verdictOnly: true }));
  let best = Infinity;
  for (let k = 0; k < 15; k++) {
    const t = now();
    drain(detectSteps(document, { verdictOnly: true }));
    best = Math.min(best, now() - t);
  }
  return best;
}

/**
 * A small article page (a heading, a byline, six paragraphs, a date in its metadata): about twenty elements, so that
 * detection's first run on it is what the code costs before any page's size counts.
 */
const SMALL_ARTICLE = `<!DOCTYPE html><html lang="en"><head><title>A story - The Paper</title><meta property="og:type" content="article">
<meta property="article:published_time" content="2021-10-18T10:00:00Z"></head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>A story</h1><p class="byline">By A. Writer</p><time datetime="2021-10-18">18 October 2021</time>${
  Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story, with words, commas, and a sentence that runs on long enough to be read as prose.</p>`).join("")
}</article></main><footer><a href="/about">About</a></footer></body></html>`;

/** Detection on SMALL_ARTICLE, parsed apart from the page: run first on a fresh page, its code's first run. */
function detectSmall(): { ms: number; ok: boolean } {
  const doc = new DOMParser().parseFromString(SMALL_ARTICLE, "text/html");
  const t0 = now();
  const article = drain(detectSteps(doc, { verdictOnly: true }));
  return { ms: now() - t0, ok: article.isArticle };
}

/** Readability's clone + parse on SMALL_ARTICLE, the same way: its code's first run. */
function readabilitySmall(): { ms: number; ok: boolean } {
  const doc = new DOMParser().parseFromString(SMALL_ARTICLE, "text/html");
  const t0 = now();
  const result = new Readability(doc.cloneNode(true) as Document).parse();
  return { ms: now() - t0, ok: result !== null };
}

/** The floor: every text node under <body>, concatenated, and nothing else. */
function floor(): { ms: number; chars: number } {
  const t0 = now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = "";
  for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n as Text).data;
  const ms = now() - t0;
  if (!articleText) articleText = text;
  return { ms, chars: text.length };
}

function readability(): { ms: number; clone: number; parse: number; ok: boolean } {
  const t0 = now();
  const clone = document.cloneNode(true) as Document;
  const t1 = now();
  const result = new Readability(clone).parse();
  const t2 = now();
  return { ms: t2 - t0, clone: t1 - t0, parse: t2 - t1, ok: result !== null };
}

/** compromise's named-entity extraction (people and organizations) on the text Backstory reads. */
function compromise(): { ms: number; people: number; organizations: number } {
  const t0 = now();
  const doc = nlp(articleText);
  const people = doc.people().out("array") as string[];
  const organizations = doc.organizations().out("array") as string[];
  return { ms: now() - t0, people: people.length, organizations: organizations.length };
}

/**
 * mark.js wrapping the compiled matcher's aliases in <mark> elements, in the article root.
 * "regexp": all aliases as one alternation, one pass over the DOM (markRegExp); "keywords": the
 * alias list as mark.js keywords, its usual call, which walks the DOM once per alias.
 * Mutates the page: run it last.
 */
function markjs(mode: "regexp" | "keywords"): { ms: number; marks: number; aliases: number } {
  const aliases = Object.keys(matcher.aliases);
  const context = articleRoot ?? detectArticle(document).root ?? document.body;
  let marks = 0;
  const done = (n: number) => void (marks = n);
  const t0 = now();
  const mark = new MarkJs(context);
  if (mode === "keywords") {
    mark.mark(aliases, { separateWordSearch: false, accuracy: "exactly", diacritics: true, done });
  } else {
    const escaped = [...aliases].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    mark.markRegExp(new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join("|")})(?![\\p{L}\\p{N}_])`, "giu"), { done });
  }
  return { ms: now() - t0, marks, aliases: aliases.length };
}

/**
 * The synthetic long page: the article's body repeated n times inside one of its containers, so
 * that detection still picks one root holding all of it. Containers are tried by the paragraph
 * text they hold directly; the first whose repetition detection sees in full is kept.
 */
function replicate(n: number): string {
  const root = detectArticle(document).root ?? document.body;
  const length = () => {
    const r = detectArticle(document).root;
    return r ? buildTextMap(r, isBoilerplate).text.length : 0;
  };
  const base = length();
  const votes = new Map<Element, number>();
  for (const p of Array.from(root.querySelectorAll("p"))) {
    if (p.parentElement) votes.set(p.parentElement, (votes.get(p.parentElement) ?? 0) + (p.textContent ?? "").length);
  }
  const candidates = [...[...votes].sort((a, b) => b[1] - a[1]).map(([el]) => el), root];
  for (const container of candidates) {
    const kids = Array.from(container.childNodes);
    const added: Node[] = [];
    for (let i = 1; i < n; i++) for (const k of kids) added.push(container.appendChild(k.cloneNode(true)));
    if (n === 1 || length() >= base * n * 0.9) break;
    for (const a of added) a.parentNode?.removeChild(a);
  }
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
}

/** The article text the last run read: node times the background's matching on it with other knowledge files. */
const text = () => articleText;

/** Known and unknown names on a given text, timed: the long-lived pass (tools/bench/background.ts) calls it text after text. */
function names(given: string): { known: number; unknown: number; words: number } {
  const t0 = now();
  const found = findMentions(given, matcher);
  const t1 = now();
  findUnknownNames(given, found);
  return { known: t1 - t0, unknown: now() - t1, words: given.split(/\s+/).filter(Boolean).length };
}

(globalThis as unknown as { __bench: unknown }).__bench = { backstory, detectOptimized, detectSmall, readabilitySmall, floor, readability, compromise, markjs, replicate, text, names };
