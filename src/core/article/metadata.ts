/** Headline, date, byline and language from a page's own metadata, most trusted source first. */
import { findDateInText, findDateInUrl, parseDateValue } from "./dates";
import { decodeEntities } from "../text/entities";
import { isJsonLd } from "./json-ld";
import { findHeadline } from "./headline";
import type { Steps } from "../slices";


export interface ArticleMetadata {
  /** True when the page's metadata declares an article (JSON-LD or Open Graph). */
  declaresArticle: boolean;
  /** True when its Open Graph type says something else (website, video), and nothing declares an article. */
  declaresOther: boolean;
  /**
   * True when its JSON-LD declares a kind of page that is no article (a recipe, a podcast episode, a broadcast
   * schedule, a contact page) and no Article: stronger than Open Graph's type, which CMSs set to "article" everywhere.
   */
  declaresNonArticle: boolean;
  title: string | null;
  /** Which source gave `title`: "h1" (confirmed by the page's declared titles), "h1 (body)", "json-ld headline", "og:title", "twitter:title", "title". */
  titleFrom: string | null;
  /** YYYY-MM-DD as the publisher dates it. */
  published: string | null;
  /** Which signal gave `published`, and which of its kind: "json-ld datePublished", "meta article:published_time", "time datetime", "byline", "url", "title"… */
  publishedFrom: string | null;
  byline: string | null;
  lang: string | null;
}

/** schema.org's Article and its subtypes (Readability's list), with or without the vocabulary's URL. */
const ARTICLE_TYPES = new Set([
  "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
  "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
  "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
  "APIReference",
]);

/**
 * Meta names and properties for the publication date, most trusted first (lower case). Modified and updated
 * dates (article:modified_time, dateModified, og:updated_time, last-modified) are not publication dates.
 */
const DATE_META = [
  "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
  "publish-date", "publish_date", "publication_date", "article.published", "article_date_original", "pdate",
  "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "date", "dc.date", "dcterms.date",
  "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime", "rnews:datepublished", "og:pubdate", "datecreated",
  "displaydate",
];
/** Other meta names a CMS gives its publication date ("bt:pubdate", "nv:date_published"), read after the known ones. */
const DATE_META_NAME = /publish|pubdate|pub_date|issued|created/;

/** schema.org types of pages that are not articles, however much prose they hold (a recipe's method, show notes). */
const NON_ARTICLE_TYPES = new Set([
  "Recipe", "PodcastEpisode", "PodcastSeries", "PodcastSeason", "RadioEpisode", "RadioSeries", "RadioSeason", "TVSeries",
  "TVSeason", "TVEpisode", "BroadcastEvent", "BroadcastService", "Schedule", "ContactPage", "ImageGallery", "MediaGallery",
  "VideoGallery", "CollectionPage",
]);
/**
 * A video declared on its own, without an Article: a video page, or a story page whose CMS declares only its player.
 * Held to the bar of a page declaring another Open Graph type (long prose, most of the page's) rather than ruled out.
 */
const VIDEO_TYPES = new Set(["VideoObject"]);

/**
 * A JSON-LD type's name, without the vocabulary's URL ("https://schema.org/NewsArticle"). The types are looked up
 * in sets, not matched by one pattern each: a pattern of a few dozen names cost about half a millisecond to compile
 * on its first use, on every page with JSON-LD.
 */
function typeName(type: string): string {
  for (const vocabulary of SCHEMA_ORG) if (type.startsWith(vocabulary)) return type.slice(vocabulary.length);
  return type;
}
const SCHEMA_ORG = ["https://schema.org/", "http://schema.org/"];

type Json = Record<string, unknown>;

export interface Declaration {
  /** The first JSON-LD node of an Article type. */
  ld: Json | null;
  /** Every JSON-LD node of an Article type, in page order, then the others that carry a datePublished (a WebPage). */
  articles: Json[];
  dated: Json[];
  /** The page's <meta> contents by lower-cased property, name or itemprop, the first of each: read in one query. */
  metas: Map<string, string>;
  /** The page's `<h1>`s in page order: outside furniture as the detector's walk met them, else all of the body's. */
  headings: Element[];
  declaresArticle: boolean;
  declaresOther: boolean;
  declaresNonArticle: boolean;
}

/** What the page says it is: read first, as it decides how much prose makes an article. */
export function readDeclaration(doc: Document, inBody?: readonly Element[]): Declaration {
  const metas = new Map<string, string>();
  const scripts: Element[] = [];
  // The head's children, then the body's <meta> and JSON-LD as the detector's walk met them (a whole-document query
  // costs more than the rest of detection on a page that is no article).
  const head = doc.head ? Array.from(doc.head.children) : [];
  const body = inBody ?? (doc.body ? Array.from(doc.body.querySelectorAll("meta, script, h1")) : []);
  const headings: Element[] = [];
  for (const el of [...head, ...body]) {
    if (el.localName === "h1") {
      headings.push(el);
      continue;
    }
    if (el.localName === "script") {
      if (isJsonLd(el)) scripts.push(el);
      continue;
    }
    if (el.localName !== "meta") continue;
    const key = (el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop"))?.trim().toLowerCase();
    const content = text(el.getAttribute("content"));
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const { articles, dated, others, videos } = jsonLdNodes(scripts);
  const ld = articles[0] ?? null;
  const ogType = metas.get("og:type")?.toLowerCase() ?? null;
  const declaresNonArticle = ld === null && others > 0;
  // A video page says so in og:type ("video.other") or in JSON-LD (a VideoObject and no Article). Its address
  // ("/av/", "/video/") is not read: every page pays for the content script's bytes, and sites name story sections so too.
  const media = ld === null && videos > 0;
  const declaresArticle = ld !== null || (ogType === "article" && !declaresNonArticle && !media);
  return { ld, articles, dated, metas, headings, declaresArticle, declaresOther: !declaresArticle && (ogType !== null || media), declaresNonArticle };
}

/**
 * The page's headline, date, byline and language, in steps: a pause between the date and the headline, as in code
 * not yet compiled (a page's first detection, Firefox above all) the byline search, then a walk, and the headline took
 * up to 150 ms in one piece.
 */
export function* metadataSteps(doc: Document, root: Element | null, declaration: Declaration): Steps<ArticleMetadata> {
  const { ld, metas, declaresArticle, declaresOther, declaresNonArticle } = declaration;
  const found = published(doc, declaration, root);
  yield;
  const headline = findHeadline({
    ld: ldText(ld?.["headline"]), metas, headings: declaration.headings, otherHeadings: () => otherHeadings(doc, declaration.headings), root, docTitle: doc.title, sites: siteNames(doc, declaration),
  });
  return {
    declaresArticle,
    declaresOther,
    declaresNonArticle,
    title: headline?.title ?? null,
    titleFrom: headline?.from ?? null,
    published: found?.day ?? null,
    publishedFrom: found?.from ?? null,
    byline: authorNames(ld?.["author"]) ?? (metas.get("author") ?? null) ?? bylineText(root),
    lang: doc.documentElement.getAttribute("lang")?.trim() || ldText(ld?.["inLanguage"]) || null,
  };
}

export { isJsonLd };

function jsonLdNodes(scripts: Element[]): { articles: Json[]; dated: Json[]; others: number; videos: number } {
  const articles: Json[] = [];
  const dated: Json[] = [];
  const others: Json[] = [];
  const videos: Json[] = [];
  for (const script of scripts) {
    let data: unknown;
    try {
      // Some pages (and saved copies) wrap the JSON in a CDATA section.
      data = JSON.parse((script.textContent ?? "").replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ""));
    } catch {
      continue; // A page's broken JSON-LD is its own business.
    }
    collect(data, 0, articles, dated, others, videos);
  }
  return { articles, dated, others: others.length, videos: videos.length };
}

/** JSON-LD nodes anywhere a page puts them: arrays, @graph, mainEntity, mainEntityOfPage. */
function collect(data: unknown, depth: number, articles: Json[], dated: Json[], others: Json[], videos: Json[]): void {
  if (depth > 5 || data === null || typeof data !== "object") return;
  if (Array.isArray(data)) {
    for (const item of data) collect(item, depth + 1, articles, dated, others, videos);
    return;
  }
  const obj = data as Json;
  const types = ([] as unknown[]).concat(obj["@type"]);
  const is = (names: ReadonlySet<string>) => types.some((t) => typeof t === "string" && names.has(typeName(t)));
  if (is(ARTICLE_TYPES)) articles.push(obj);
  else {
    if (is(NON_ARTICLE_TYPES)) others.push(obj);
    if (is(VIDEO_TYPES)) videos.push(obj);
    if (obj["datePublished"] !== undefined) dated.push(obj);
  }
  for (const key of ["@graph", "mainEntity", "mainEntityOfPage"]) collect(obj[key], depth + 1, articles, dated, others, videos);
}

/** The <h1>s of the body that `headings` (those outside furniture) leaves out. */
function otherHeadings(doc: Document, headings: readonly Element[]): Element[] {
  return doc.body ? Array.from(doc.body.querySelectorAll("h1")).filter((h) => !headings.includes(h)) : [];
}

/** A JSON-LD string value, its character references decoded (JSON-LD is not parsed as HTML). */
function ldText(value: unknown): string | null {
  if (Array.isArray(value)) return ldText(value[0]);
  if (value && typeof value === "object") return ldText((value as Json)["@value"]);
  const s = text(value);
  return s === null ? null : text(decodeEntities(s).replace(/\s+/g, " "));
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** The names a site goes by, for telling its name from the headline in a title ("… - BBC News", "… | DW"). */
function siteNames(doc: Document, declaration: Declaration): string[] {
  const { ld, metas } = declaration;
  const publisher = ld?.["publisher"];
  // The page's address names the site too: "https://www.dw.com/en/…" reads as "dw" (headline.ts cuts it to its name).
  return [metas.get("og:site_name"), metas.get("application-name"), metas.get("twitter:site"), pageUrls(doc, metas)[0],
    publisher && typeof publisher === "object" ? ldText((publisher as Json)["name"]) : null].filter((n): n is string => !!n);
}

function authorNames(author: unknown): string | null {
  const list = Array.isArray(author) ? author : [author];
  const names = list.flatMap((a) => {
    if (typeof a === "string") return [decodeEntities(a.trim())];
    const name = a && typeof a === "object" ? ldText((a as Json)["name"]) : null;
    return name ? [name] : [];
  });
  return names.length > 0 ? names.join(", ") : null;
}

function bylineText(root: Element | null): string | null {
  // The byline is often just outside the body, in the story's <article> (Le Monde's "Par …" line above it).
  const el = root?.querySelector(BYLINE) ?? root?.closest("article")?.querySelector(BYLINE);
  return text(el?.textContent?.replace(/\s+/g, " "));
}
const BYLINE = '[rel="author"], [itemprop="author"], .byline, .author';

export interface FoundDate {
  /** YYYY-MM-DD. */
  day: string;
  /** The signal, and which of its kind. */
  from: string;
}

/**
 * The publication day from every signal a page gives, most trusted first: JSON-LD datePublished of an Article type,
 * meta tags, JSON-LD dateCreated, JSON-LD of another type (a WebPage), `<time>` (its datetime, else its text), the visible date near the
 * headline, the page's address, the title. Later signals are read only when earlier ones give nothing.
 */
function published(doc: Document, declaration: Declaration, root: Element | null): FoundDate | null {
  const found = rankedDate(doc, declaration, root);
  // A UTC instant ("2019-11-20T01:50:59Z") names the day in London, not the publisher's: a Los Angeles paper's
  // evening story is dated the next day. When the page's address gives the day next to it, that is the local day.
  if (found?.utc) {
    const url = urlDate(doc, declaration.metas);
    if (url && Math.abs(daysBetween(url.day, found.day)) === 1) return { day: url.day, from: `url (the local day of the UTC time in ${found.from})` };
  }
  return found && { day: found.day, from: found.from };
}

/**
 * A time of day in UTC after an ISO date ("T07:03:25Z", "T07:03+00:00"), or as JavaScript's Date writes it
 * ("Tue Nov 19 2019 03:05:46 GMT+0000", Forbes' JSON-LD).
 */
const UTC_TIME = /(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)|\d{2}:\d{2}:\d{2} GMT(?:[+-]0000)?(?: \(.*\))?)$/i;

function daysBetween(a: string, b: string): number {
  const utc = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
  return Math.round((utc(a) - utc(b)) / 86_400_000);
}

function rankedDate(doc: Document, declaration: Declaration, root: Element | null): (FoundDate & { utc?: boolean }) | null {
  const { articles, dated, metas } = declaration;
  const fromLd = (nodes: Json[], key: string, from: string): (FoundDate & { utc: boolean }) | null => {
    for (const node of nodes) {
      const value = ldText(node[key]);
      const d = parseDateValue(value);
      if (d) return { day: d, from, utc: UTC_TIME.test(value!) };
    }
    return null;
  };
  const ld = fromLd(articles, "datePublished", "json-ld datePublished");
  if (ld) return ld;
  for (const key of DATE_META) {
    const value = metas.get(key);
    const d = parseDateValue(value);
    if (d) return { day: d, from: `meta ${key}`, utc: UTC_TIME.test(value!) };
  }
  for (const [key, value] of metas) {
    if (!DATE_META_NAME.test(key) || MODIFIED.test(key)) continue;
    const d = parseDateValue(value);
    if (d) return { day: d, from: `meta ${key}`, utc: UTC_TIME.test(value) };
  }
  // A creation date is the draft's, given in UTC: below what the page says it published.
  const declared = fromLd(articles, "dateCreated", "json-ld dateCreated") ?? fromLd(dated, "datePublished", "json-ld datePublished (not an article)");
  if (declared) return declared;
  // What the page shows, in the body and around it.
  const shown = timeElement(doc, root) ?? bylineDate(doc, root);
  return shown ?? urlDate(doc, metas) ?? titleDate(doc, metas);
}

/** Names and words of a modified date, in the languages whose months are read. */
const MODIFIED = /updat|modif|edited|revised|aktualisiert|geändert|mis à jour|actualiza|aggiornat|bijgewerkt/i;
/** The elements that show a date near the headline: one of these words in their class, id or microdata property, in any case. */
const DATE_NAMED = ["date", "time", "byline", "publish", "posted", "meta"].flatMap((w) => ["class", "id", "itemprop"].map((a) => `[${a}*="${w}" i]`)).join(", ");
/** Elements looked at in one scope: the byline sits near the top, and a whole page may be 100,000 elements. */
const SCOPE_ELEMENTS = 3000;
/** A list of more items than this is a list of other stories, not a byline ("By A · 18 October 2021 · 4 min read"). */
const MAX_BYLINE_ITEMS = 4;
/** Text longer than this is prose that happens to name a date, not a dateline. */
const MAX_DATELINE_CHARS = 200;

/**
 * Where the visible date is: the article body, then up to three of its ancestors (the headline and byline are
 * often beside the body, not in it); on a page with no body found, around the first <h1>.
 */
function scopes(doc: Document, root: Element | null): Element[] {
  const start = root ?? doc.querySelector("h1")?.parentElement ?? null;
  const out: Element[] = [];
  for (let el = start; el && el !== doc.body && el !== doc.documentElement && out.length < 4; el = el.parentElement) out.push(el);
  return out;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/**
 * The elements of a scope that `selector` matches, in document order, outside furniture and what it holds, among the
 * scope's first SCOPE_ELEMENTS elements; `passed`, an element inside whose matches were looked at before, is given
 * but not gone into. Each next match is asked natively of what follows the last, so that a search stopping at its
 * first hit looks no further: a walk of the scope in script met every element on the way there (the date's signals
 * were about a tenth of an article page's first detection, in CPU profiles).
 */
function* matchesIn(scope: Element, selector: string, passed?: Element): Generator<Element> {
  let limit: Element | null | undefined;
  let el = scope.querySelector(selector);
  while (el) {
    // A query, not getElementsByTagName("*"): the CLI's DOM (linkedom) lists nothing for "*" there.
    if (limit === undefined) limit = scope.querySelectorAll("*")[SCOPE_ELEMENTS - 1] ?? null;
    if (limit && limit.compareDocumentPosition(el) & FOLLOWING) return;
    const furniture = outermostFurniture(el, scope);
    const skipped = furniture ?? (passed && el !== passed && passed.contains(el) ? passed : null);
    if (!skipped) yield el;
    el = nextMatch(skipped ?? el, scope, selector, skipped !== null || el === passed);
  }
}

/** The first match after `from` in document order inside `scope`; past what `from` holds when `over`. */
function nextMatch(from: Element, scope: Element, selector: string, over: boolean): Element | null {
  const inside = over ? null : from.querySelector(selector);
  if (inside) return inside;
  for (let at: Element | null = from; at && at !== scope; at = at.parentElement) {
    for (let next = at.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches(selector)) return next;
      const first = next.querySelector(selector);
      if (first) return first;
    }
  }
  return null;
}

/** The outermost furniture element from `el` up to `scope` (not included), or null. */
function outermostFurniture(el: Element, scope: Element): Element | null {
  let found: Element | null = null;
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement) if (isFurniture(e)) found = e;
  return found;
}

/** Asides, footers and teaser lists show other stories' dates; a byline may be a short list of its own. */
function isFurniture(el: Element): boolean {
  const n = el.localName;
  if (n === "li") return (el.parentElement?.childElementCount ?? 0) > MAX_BYLINE_ITEMS;
  return n === "aside" || n === "nav" || n === "footer" || n === "script" || n === "style" || n === "noscript" || n === "template";
}

function inTeaserList(el: Element): boolean {
  const li = el.closest("li");
  return li !== null && isFurniture(li);
}

function nameOf(el: Element): string {
  return `${el.getAttribute("class") ?? ""} ${el.id} ${el.getAttribute("itemprop") ?? ""}`;
}

/** `<time>` in the body and around it: a publication mark first, then its datetime, then its text. */
function timeElement(doc: Document, root: Element | null): FoundDate | null {
  let found: Element[] = [];
  for (const scope of scopes(doc, root)) {
    found = [...matchesIn(scope, "time")];
    if (found.length > 0) break;
  }
  // The old default: the first <time datetime> of the page, outside teaser lists.
  if (found.length === 0) {
    for (const el of Array.from(doc.querySelectorAll("time"))) if (!el.closest("aside, nav, footer") && !inTeaserList(el)) found.push(el);
  }
  const published = found.filter((el) => !MODIFIED.test(nameOf(el)));
  const marked = published.find((el) => el.hasAttribute("pubdate") || /publish|datepublished/i.test(nameOf(el)));
  for (const el of marked ? [marked, ...published] : published) {
    const d = parseDateValue(el.getAttribute("datetime"));
    if (d) return { day: d, from: "time datetime" };
  }
  for (const el of published) {
    // The text, else a title that spells out what the text abbreviates (<abbr title="24 May 2019">24 May</abbr>).
    const titled = el.getAttribute("title") ?? el.querySelector("[title]")?.getAttribute("title") ?? "";
    const d = dateline(el.textContent ?? "") ?? dateline(titled);
    if (d) return { day: d, from: "time text" };
  }
  return null;
}

/** The visible date in the byline area: a short element named for a date or byline, near the headline. */
function bylineDate(doc: Document, root: Element | null): FoundDate | null {
  // Each scope holds the one before: what was looked at there is not looked at again.
  let passed: Element | undefined;
  for (const scope of scopes(doc, root)) {
    for (const el of matchesIn(scope, DATE_NAMED, passed)) {
      if (MODIFIED.test(nameOf(el))) continue;
      const d = dateline(el.getAttribute("data-datetime") ?? el.getAttribute("content") ?? publishedText(el));
      if (d) return { day: d, from: "byline" };
    }
    passed = scope;
  }
  return null;
}

/** An element's text without the parts named for an update ("<span class=last-updated>"), cut short past a dateline's length. */
function publishedText(el: Element): string {
  let out = "";
  const stack: Node[] = [el];
  while (stack.length > 0 && out.length <= MAX_DATELINE_CHARS) {
    const node = stack.pop()!;
    if (node.nodeType === 3) out += (node as Text).data;
    else if (node.nodeType === 1 && (node === el || !MODIFIED.test(nameOf(node as Element)))) {
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out;
}

/** The date a short text shows, read before any "Updated …" part. */
function dateline(raw: string): string | null {
  const s = raw.replace(/\s+/g, " ").trim();
  if (s.length === 0 || s.length > MAX_DATELINE_CHARS) return null;
  const cut = MODIFIED.exec(s);
  return findDateInText(cut ? s.slice(0, cut.index) : s);
}

/**
 * The page's addresses: its canonical link, its og:url, where it is. The page's own word first: a saved copy and the
 * live page (under tracking parameters, a preview host) then read alike.
 */
function pageUrls(doc: Document, metas: Map<string, string>): string[] {
  const href = doc.location?.href;
  return [doc.head?.querySelector('link[rel~="canonical"]')?.getAttribute("href"), metas.get("og:url"), /^https?:/.test(href ?? "") ? href : null].filter((u): u is string => !!u);
}

function urlDate(doc: Document, metas: Map<string, string>): FoundDate | null {
  for (const url of pageUrls(doc, metas)) {
    const d = findDateInUrl(url);
    if (d) return { day: d, from: "url" };
  }
  return null;
}

function titleDate(doc: Document, metas: Map<string, string>): FoundDate | null {
  for (const title of [doc.title, metas.get("og:title") ?? ""]) {
    const d = findDateInText(title);
    if (d) return { day: d, from: "title" };
  }
  return null;
}

/** The publisher's calendar day: the date part as written, not shifted to another time zone. */
export function isoDay(value: string | null): string | null {
  return parseDateValue(value);
}
