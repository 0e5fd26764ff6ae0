/**
 * The headline a reader sees above the story, read from every place a page gives it, ranked:
 * 1. an `<h1>` the page's own titles confirm (JSON-LD `headline`, `og:title`, `twitter:title`, `<title>`): sites put
 *    their name, a section or a teaser's headline in other `<h1>`s ("BBC Trending", "Most Read", "Sections"), and
 *    write a shorter social headline in `og:title` ("Black director 'sad' to make Cannes history" above the page's
 *    "Cannes 2019: Mati Diop 'a little sad' to make history");
 * 2. the `<h1>` in the story's body, when no title names the page at all;
 * 3. JSON-LD `headline` (when it shares a word with the other titles: Wikipedia puts a description there);
 * 4. `og:title`, then `twitter:title`, then `<title>`, each without the site's name, section or date around it.
 * Then: a title cut short ("…") gives way to the whole one it starts, one in capitals to the same words in mixed case.
 */
import { findDateInText } from "./dates";
import { decodeEntities } from "../text/entities";

export interface Headline {
  title: string;
  /** Where it came from: "h1", "h1 (body)", "json-ld headline", "og:title", "twitter:title", "title". */
  from: string;
}

export interface HeadlineSources {
  /** JSON-LD `headline` of the first Article node, as written. */
  ld: string | null;
  metas: Map<string, string>;
  /** The page's `<h1>`s outside furniture, in page order. */
  headings: readonly Element[];
  /** The story's body. */
  root: Element | null;
  docTitle: string;
  /** Names the site goes by: og:site_name, the publisher's, the host's. */
  sites: readonly string[];
}

/** How alike an `<h1>` and a declared title must be (`alike`) to be the same headline. */
const CONFIRMS = 0.4;
/** More `<h1>`s than this are a list of teasers' headlines (a feed page): the first ones are read. */
const MAX_HEADINGS = 80;
/** A headline is a line, not a paragraph. */
const MAX_CHARS = 300;

export function findHeadline(s: HeadlineSources): Headline | null {
  const ld = clean(s.ld);
  const og = clean(s.metas.get("og:title") ?? null);
  const twitter = clean(s.metas.get("twitter:title") ?? null);
  const doc = clean(s.docTitle);
  const declared = [ld, og, twitter, doc].filter((t): t is string => t !== null);
  const trimmed = declared.map((t) => withoutSite(t, s.sites));

  const chosen = confirmedHeading(s.headings, [...declared, ...trimmed], s.root, s.sites) ??
    bodyHeading(s.headings, s.root, declared.length) ??
    (ld && (declared.length === 1 || declared.some((t) => t !== ld && sharesWord(ld, t))) ? { title: ld, from: "json-ld headline" } : null) ??
    (og ? { title: withoutSite(og, s.sites), from: "og:title" } : null) ??
    (twitter ? { title: withoutSite(twitter, s.sites), from: "twitter:title" } : null) ??
    (doc ? { title: withoutSite(doc, s.sites), from: "title" } : null);
  if (!chosen || !chosen.title) return null;
  // The visible heading is what it is; a declared title may be cut short or in capitals.
  return { title: chosen.from.startsWith("h1") ? chosen.title : completed(chosen.title, trimmed), from: chosen.from };
}

/** An `<h1>` a declared title confirms, the most alike; on a tie the one in or nearest before the body. */
function confirmedHeading(headings: readonly Element[], declared: string[], root: Element | null, sites: readonly string[]): Headline | null {
  if (declared.length === 0) return null;
  let best: { title: string; score: number; near: number } | null = null;
  const titles = declared.map(tokens);
  for (const h of headings.slice(0, MAX_HEADINGS)) {
    const text = headingText(h);
    if (!text) continue;
    const own = tokens(text);
    let score = 0;
    for (const t of titles) score = Math.max(score, alike(own, t));
    if (score < CONFIRMS) continue;
    const near = nearness(h, root);
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && near < best.near)) best = { title: text, score, near };
  }
  if (!best) return null;
  // A kicker the markup glues on ("ExclusiveMerkel says…"): the declared title the heading ends with is the headline.
  // A heading that repeats the whole <title> keeps no site name or date either; its other parts are the headline's own.
  return { title: withoutSite(withoutKicker(best.title, declared), sites, false), from: "h1" };
}

/** The body's own `<h1>`, when the page declares no title it could be checked against, or none that names it. */
function bodyHeading(headings: readonly Element[], root: Element | null, declared: number): Headline | null {
  if (!root) return null;
  const inBody = headings.find((h) => root.contains(h));
  // Above the story's prose, not a heading further down it ("Read more").
  const firstParagraph = root.querySelector("p");
  if (!inBody || (firstParagraph && firstParagraph.compareDocumentPosition(inBody) & FOLLOWS)) return null;
  const text = headingText(inBody);
  // A one-word heading beside a declared title is a section's or the site's name ("Lorem", "Archive").
  if (!text || (declared > 0 && tokens(text).length < 2)) return null;
  return { title: text, from: "h1 (body)" };
}

const FOLLOWS = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without the Node global (node runs this too)

/** 0 inside the body, then how many elements up its ancestors the heading sits; far when unrelated. */
function nearness(h: Element, root: Element | null): number {
  if (!root) return 0;
  if (root.contains(h)) return 0;
  let n = 1;
  for (let up = root.parentElement; up; up = up.parentElement, n++) if (up.contains(h)) return n;
  return 1000;
}

/** Parts of a heading that are not its words: a kicker or label named as such, text only screen readers get. */
const NOT_HEADLINE = /(?:^|[-_ ])(?:kicker|eyebrow|overline|topline|dachzeile|flag|label|rubric|category|section-name|sr-only|visually-hidden|screen-reader-text|a11y)(?:$|[-_ ])/i;

function headingText(h: Element): string | null {
  let out = "";
  const stack: Node[] = [h];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) out += (node as Text).data;
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el !== h && (NOT_HEADLINE.test(el.getAttribute("class") ?? "") || el.localName === "script" || el.localName === "style")) continue;
      // Block children and <br> break words the markup runs together ("<span>Live</span><span>Merkel…</span>" stay apart only in CSS).
      if (el !== h && (el.localName === "br" || BLOCKS.has(el.localName))) out += " ";
      for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  const text = clean(out);
  return text && text.length <= MAX_CHARS ? text : null;
}

const BLOCKS = new Set(["div", "p", "br", "header", "section"]);

/**
 * "ExclusiveMerkel says…" where a declared title is "Merkel says…": a kicker the markup runs into the headline with no
 * space between. A spaced word before it ("Boston museum sorry…" over og:title's "Museum sorry…") is the headline's own.
 */
function withoutKicker(heading: string, declared: string[]): string {
  const h = fold(heading);
  for (const t of declared) {
    const f = fold(t);
    if (f.length < 12 || f.length >= h.length || !h.endsWith(f) || h.length !== heading.length) continue;
    const at = heading.length - f.length;
    const glued = /[\p{L}\p{N}]/u.test(heading[at - 1]!) && /[\p{Lu}\p{N}]/u.test(heading[at]!);
    if (glued && heading.slice(0, at).split(/\s+/).length <= 4) return heading.slice(at);
  }
  return heading;
}

/** Whitespace of any kind (no-break, thin, line breaks) as one space; soft hyphens and zero-width marks out; references decoded. */
export function clean(raw: string | null): string | null {
  if (raw === null) return null;
  const s = decodeEntities(raw).replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "").replace(/\s+/g, " ").trim();
  return s.length > 0 ? s : null;
}

/** A title cut short ("… Anna Sorokin: The story of the fake…") gives way to the whole one; capitals to mixed case. */
function completed(title: string, others: string[]): string {
  const cut = /(?:…|\.\.\.)$/.exec(title);
  if (cut) {
    const start = fold(title.slice(0, cut.index));
    const whole = others.find((o) => o.length > title.length && fold(o).startsWith(start) && !/(?:…|\.\.\.)$/.test(o));
    if (whole && start.length >= 12) title = whole;
  }
  if (isCapitals(title)) {
    const mixed = others.find((o) => !isCapitals(o) && fold(o) === fold(title));
    if (mixed) return mixed;
  }
  return title;
}

function isCapitals(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** For comparing: case, quote and dash styles, spacing aside. */
function fold(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[‘’‚‛′`´]/g, "'").replace(/[“”„‟«»″]/g, '"').replace(/[‐-―−]/g, "-").replace(/\s+/g, " ").trim();
}

/** Words; in scripts written without spaces (Chinese, Japanese, Thai), each character. */
function tokens(s: string): string[] {
  return fold(s).match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * How much of each the other holds, the lesser share: a heading that is the title ("Cannes 2019: Mati Diop…" in
 * "Cannes 2019: Mati Diop… - BBC News") scores high; a blog's name in its title ("史蒂文的家_藍天" in "新竹尖石… @
 * 史蒂文的家_藍天 :: 痞客邦 PIXNET ::"), or a section's ("Minecraft News" in "Minecraft 1.8 - The Bountiful Update"), low.
 */
function alike(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of a) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return Math.min(shared / a.length, shared / b.length);
}

const WORD = /[\p{L}\p{N}]{2,}/gu;

function sharesWord(a: string, b: string): boolean {
  const words = new Set(a.toLowerCase().match(WORD) ?? []);
  return (b.toLowerCase().match(WORD) ?? []).some((w) => words.has(w));
}

/** Title separators as sites write them: spaced " - ", " – ", " — ", " · ", " :: ", " » ", " / "; "|" spaced or not; " _" (Chinese sites' "…很严重 _探索者 _光明网"). */
const SEPARATOR = /\s+(?:-|–|—|·|::|»|\/)\s+|\s*\|\s*|\s+_/;
/** A trailing part this short is a section or site name when what is left still reads as a headline. */
const MAX_SUFFIX_WORDS = 3;
const MIN_HEADLINE_WORDS = 4;

/**
 * A title without the site's name, sections and date after it, and the site's name before it. Without `shortParts`,
 * only what is known to be the site's name or a date goes, not any short part after a separator.
 */
export function withoutSite(title: string, sites: readonly string[], shortParts = true): string {
  let out = title.trim();
  const names = sites.map(siteKey).filter((n) => n.length >= 2);
  const isSite = (part: string) => {
    const k = siteKey(part);
    return k.length >= 2 && names.some((n) => n === k || (n.length >= 3 && (n.includes(k) && k.length >= 3 || k.startsWith(n))));
  };
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  for (let i = 0; i < 5; i++) {
    const parts = splitTitle(out);
    if (parts.length < 2) break;
    const last = parts[parts.length - 1]!;
    const rest = out.slice(0, out.lastIndexOf(last)).replace(/[\s|\-–—·:»/_]+$/, "").trim();
    const isDate = last.length <= 24 && findDateInText(last) !== null;
    const short = shortParts && words(last) <= MAX_SUFFIX_WORDS && words(rest) >= MIN_HEADLINE_WORDS;
    if (!rest || !(isSite(last) || isDate || short)) break;
    out = rest;
  }
  // "BBC News - Headline": a site's name before the headline goes too, never a section's (that may be the story's).
  const parts = splitTitle(out);
  if (parts.length >= 2 && isSite(parts[0]!)) {
    const rest = out.slice(out.indexOf(parts[0]!) + parts[0]!.length).replace(/^[\s|\-–—·:»/_]+/, "").trim();
    if (rest) out = rest;
  }
  return out;
}

function splitTitle(title: string): string[] {
  return title.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
}

/** "Salon.com", "www.bbc.co.uk", "@Reuters", "BBC News" → "salon", "bbc", "reuters", "bbcnews". */
function siteKey(s: string): string {
  return s.toLowerCase().replace(/^@|^https?:\/\/|^www\./g, "").replace(/\.(?:com|co\.uk|org|net|de|fr|cz|es|it|nl|jp|cn|go\.com|co|uk)(?:\/.*)?$/, "").replace(/[^\p{L}\p{N}]/gu, "");
}
