/**
 * The headline a reader sees above the story, read from every place a page gives it, ranked:
 * 1. an `<h1>` the page's own titles confirm (JSON-LD `headline`, `og:title`, `twitter:title`, `<title>`): sites put
 *    their name, a section or a teaser's headline in other `<h1>`s ("BBC Trending", "Most Read", "Sections"), and
 *    write a shorter social headline in `og:title` ("Black director 'sad' to make Cannes history" above the page's
 *    "Cannes 2019: Mati Diop 'a little sad' to make history");
 * 2. the `<h1>` above the story's prose, when no title the page declares names the page;
 * 3. JSON-LD `headline` (when it shares a word with the other titles: Wikipedia puts a description there);
 * 4. `og:title`, then `twitter:title`, then `<title>`, each without the site's name, section or date around it.
 * A declared title cut short ("…") or in capitals gives way to the next. Written small: it is part of backstory.js,
 * which every page past the gate loads (docs/decisions/013).
 */
import { findDateInText } from "./dates";
import { decodeEntities } from "../text/entities";
import { asciiWords } from "../text/fold";

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
  /** The page's other `<h1>`s (inside what detection calls furniture), asked for only when none of `headings` is the headline. */
  otherHeadings?: () => readonly Element[];
  /** The story's body. */
  root: Element | null;
  docTitle: string;
  /** Names the site goes by: og:site_name, the publisher's, the host's. */
  sites: readonly string[];
}

/** How alike an `<h1>` and a declared title must be (`alike`) to be the same headline. */
const CONFIRMS = 0.4;
/** ... and an `<h1>` inside furniture: nearly word for word. */
const CONFIRMS_IN_FURNITURE = 0.8;
/** What a heading in the story's body scores above its like outside: on a tie, the body's wins. */
const IN_BODY = 1e-6;
/** A headline is a line, not a paragraph. */
const MAX_CHARS = 300;

export function findHeadline(s: HeadlineSources): Headline | null {
  const { metas, sites, root } = s;
  const found: [string | undefined | null, string][] = [[s.ld, "json-ld headline"], [metas.get("og:title"), "og:title"], [metas.get("twitter:title"), "twitter:title"], [s.docTitle, "title"]];
  const declared = found.flatMap(([t, from]) => {
    const title = clean(t);
    return title ? [{ title, from }] : [];
  });
  const titles = declared.map((d) => d.title);
  const names = siteKeys(sites);
  const trimmed = titles.map((t) => trimSite(t, names));
  const all = [...titles, ...trimmed];
  // A title its site's name did not end is there twice: compared once.
  const tokenized = [...new Set(all)].map(tokens);
  /** How alike words are to the declared title nearest them. */
  const likeness = (words: string[]) => Math.max(0, ...tokenized.map((t) => alike(words, t)));

  // 1. The <h1> most alike a declared title; on a tie the first in the body, else the first.
  let best: { title: string; score: number } | null = null;
  for (const h of s.headings) {
    // Past a heading that holds a title word for word, the most a heading scores, only one in the body scores more
    // (sites that set every teaser's headline in an <h1> give a page seventy of them).
    if (best && best.score >= 1 && (best.score >= 1 + IN_BODY || !root?.contains(h))) continue;
    const text = headingText(h);
    if (!text) continue;
    const own = tokens(text);
    // A heading shares no more words with a title than the shorter of the two holds: most (a section's name, a
    // teaser's headline) cannot reach the bar or the best so far, and are not compared word by word.
    const reach = Math.max(0, ...tokenized.map((t) => Math.min(own.length, t.length) / Math.max(own.length, t.length, 1))) + IN_BODY;
    if (reach < CONFIRMS || (best && reach <= best.score)) continue;
    const score = likeness(own) + (root?.contains(h) ? IN_BODY : 0);
    if (score >= CONFIRMS && (!best || score > best.score)) best = { title: text, score };
  }
  // A share widget's script may name the story's header for itself (Gigya's "…-share-btns-1_gig_containerParent"),
  // which makes it furniture: an <h1> there that a declared title gives nearly word for word is the headline.
  if (!best && s.otherHeadings) {
    for (const h of s.otherHeadings()) {
      const text = headingText(h);
      const score = text ? likeness(tokens(text)) : 0;
      if (text && score >= CONFIRMS_IN_FURNITURE && (!best || score > best.score)) best = { title: text, score };
    }
  }
  // A heading that repeats the whole <title> loses the site's name and date too, not its other parts.
  if (best) return { title: trimSite(withoutKicker(best.title, all), names, false), from: "h1" };

  // 2. The body's <h1> above its prose, unless it is one word beside a declared title (the site's or a section's name).
  const inBody = root ? s.headings.find((h) => root.contains(h)) : undefined;
  const para = root?.querySelector("p");
  const text = inBody && !(para && para.compareDocumentPosition(inBody) & 4 /* FOLLOWING */) ? headingText(inBody) : null;
  if (text && (titles.length === 0 || tokens(text).length > 1)) return { title: text, from: "h1 (body)" };

  // 3, 4. What the page declares; a title cut short ("… of the fake…") or in capitals (no lower-case or caseless
  // letter) gives way to the next one.
  for (const [i, { title, from }] of declared.entries()) {
    // (An a–z letter is lower case: the capitals pattern, slow to compile, is not run on such a title.)
    if (i < declared.length - 1 && (/(?:…|\.\.\.)$/.test(title) || (!/[a-z]/.test(title) && /^[^\p{Ll}\p{Lo}]*\p{Lu}{4}[^\p{Ll}\p{Lo}]*$/u.test(title)))) continue;
    // JSON-LD's headline when it shares a word with another title (Wikipedia's is a description).
    if (from === "json-ld headline" && titles.length > 1 && !titles.slice(1).some((t) => alike(tokens(title), tokens(t)) > 0)) continue;
    return { title: trimSite(title, names), from };
  }
  return null;
}

/**
 * Parts of a heading that are not its words: a kicker or label named as such, text only screen readers get, the
 * permalink mark documentation generators put in it ("Evolve: Shared Mutable History¶", Sphinx's `a.headerlink`).
 */
const NOT_HEADLINE = /kicker|eyebrow|dachzeile|label|sr-only|visually-hidden|headerlink|anchor/i;

function headingText(h: Element): string | null {
  let out = "";
  const stack: Node[] = [h];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) out += (node as Text).data;
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el !== h) {
        if (NOT_HEADLINE.test(el.getAttribute("class") ?? "")) continue;
        // A block child or <br> breaks words the markup runs together.
        if (/^(?:br|div|p|header)$/.test(el.localName)) out += " ";
      }
      for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  const marked = out.includes("¶") || out.includes("🔗") || out.includes("#") || out.includes("§");
  const text = clean(marked ? out.replace(/(?:\s*[¶🔗]|\s+[#§])\s*$/u, "") : out);
  return text && text.length <= MAX_CHARS ? text : null;
}

/**
 * "LiveMinisters meet…" where a declared title is "Ministers meet…": a kicker the markup runs into the headline with
 * no space between. A spaced word before it ("Boston museum sorry…" over og:title's "Museum sorry…") is the headline's.
 */
function withoutKicker(heading: string, declared: string[]): string {
  for (const t of declared) {
    const at = heading.length - t.length;
    if (at > 0 && at < 40 && heading.endsWith(t) && /[\p{L}\p{N}][\p{Lu}\p{N}]/u.test(heading.slice(at - 1, at + 1))) return t;
  }
  return heading;
}

/** Whitespace of any kind (no-break, thin, line breaks) as one space; soft hyphens and zero-width marks out; references decoded. */
export function clean(raw: string | null | undefined): string | null {
  return !raw ? null : (decodeEntities(raw).replace(/[\xad\u200b-\u200d\ufeff]/g, "").replace(/\s+/g, " ").trim() || null);
}

/** Words; in scripts written without spaces (Chinese, Japanese: kana and ideographs), each character. */
function tokens(s: string): string[] {
  const lower = s.toLowerCase();
  // Letters and digits all ASCII, no kana or ideograph: the ASCII twin of the pattern reads it alike, several times faster.
  if (asciiWords(lower) && !CJK.test(lower)) return lower.match(/[a-z0-9]+/g) ?? [];
  return lower.match(WORDS) ?? [];
}

/** Kana and ideographs, each a word of its own (no spaces between them). */
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const WORDS = new RegExp(`${CJK.source}|[\\p{L}\\p{N}]+`, "gu");

/**
 * How much of each the other holds, the lesser share: a heading that is the title ("Cannes 2019: Mati Diop…" in
 * "Cannes 2019: Mati Diop… - BBC News") scores high; a blog's name in its title ("史蒂文的家_藍天" in "新竹尖石… @
 * 史蒂文的家_藍天 :: 痞客邦 PIXNET ::"), or a section's ("Minecraft News" in "Minecraft 1.8 - The Bountiful Update"), low.
 */
function alike(a: string[], b: string[]): number {
  const left = [...b];
  let shared = 0;
  for (const t of a) {
    const i = left.indexOf(t);
    if (i >= 0) {
      shared++;
      left[i] = "";
    }
  }
  return shared / Math.max(a.length, b.length, 1);
}

/** Title separators as sites write them: spaced " - ", " – ", " — ", " · ", " :: ", " » ", " / "; "|" spaced or not; " _" (Chinese sites' "…很严重 _探索者 _光明网"). */
const SEPARATOR = /\s+(?:[-–—·»/]|::)\s+|\s*\|\s*|\s+_/;

/**
 * A title without the site's name, sections and date after it, and the site's name before it. A part after a
 * separator goes when it is the site's name, a date, or (with `shortParts`) at most three words after a headline of
 * at least four ("Film dubbing as high art in Germany | Film | DW | 24.05.2019").
 */
export function withoutSite(title: string, sites: readonly string[], shortParts = true): string {
  return trimSite(title, siteKeys(sites), shortParts);
}

/** The site names as `siteKey` reads them, each once for all the titles of a page. */
function siteKeys(sites: readonly string[]): string[] {
  return sites.map(siteKey).filter((n) => n.length > 1);
}

/** withoutSite, the site names read (`siteKeys`). */
function trimSite(title: string, names: readonly string[], shortParts = true): string {
  const isSite = (part: string) => {
    const k = siteKey(part);
    return k.length > 1 && names.some((n) => n === k || (n.length > 2 && ((k.length > 2 && n.includes(k)) || k.startsWith(n))));
  };
  // Words, each character of Chinese or Japanese counted as one ("后果很严重 _探索者 _光明网").
  const words = (p: string) => tokens(p).length;
  let parts = title.split(SEPARATOR);
  while (parts.length > 1) {
    const last = parts[parts.length - 1]!.trim();
    const rest = title.slice(0, title.lastIndexOf(last)).replace(/[\s|\-–—·:»/_]+$/, "");
    if (!rest || !(!last || isSite(last) || (last.length < 25 && findDateInText(last)) || (shortParts && words(last) < 4 && words(rest) > 3))) break;
    title = rest;
    parts = title.split(SEPARATOR);
  }
  // "BBC News - Headline": the site's name before it goes too, never a section's (that may be the story's own).
  return parts.length > 1 && isSite(parts[0]!) ? title.slice(parts[0]!.length).replace(/^[\s|\-–—·:»/_]+/, "") : title;
}

/** "Salon.com", "https://www.bbc.co.uk/news/…", "@Reuters", "BBC News" → "salon", "bbc", "reuters", "bbcnews". */
function siteKey(s: string): string {
  const host = s.toLowerCase().replace(/^(?:@|https?:\/\/|www\.)+|(?:\.[a-z]{2,3})+(?:\/.*)?$/g, "");
  return asciiWords(host) ? host.replace(/[^a-z0-9]/g, "") : host.replace(/[^\p{L}\p{N}]/gu, "");
}
