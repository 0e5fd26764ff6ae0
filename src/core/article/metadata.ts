/** Headline, date, byline and language from a page's own metadata, most trusted source first. */

export interface ArticleMetadata {
  /** True when the page's metadata declares an article (JSON-LD or Open Graph). */
  declaresArticle: boolean;
  /** True when its Open Graph type says something else (website, video), and nothing declares an article. */
  declaresOther: boolean;
  title: string | null;
  /** YYYY-MM-DD as the publisher dates it. */
  published: string | null;
  byline: string | null;
  lang: string | null;
}

/** schema.org's Article and its subtypes (Readability's list), with or without the vocabulary's URL. */
const ARTICLE_TYPES = /^(?:https?:\/\/schema\.org\/)?(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$/;

/** Meta names and properties for the publication date, most trusted first (lower case). */
const DATE_META = [
  "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
  "date", "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date",
];

type Json = Record<string, unknown>;

export interface Declaration {
  ld: Json | null;
  /** The page's <meta> contents by lower-cased property, name or itemprop, the first of each: read in one query. */
  metas: Map<string, string>;
  declaresArticle: boolean;
  declaresOther: boolean;
}

/** What the page says it is: read first, as it decides how much prose makes an article. */
export function readDeclaration(doc: Document, inBody?: readonly Element[]): Declaration {
  const metas = new Map<string, string>();
  const scripts: Element[] = [];
  // The head's children, then the body's <meta> and JSON-LD as the detector's walk met them (a whole-document query
  // costs more than the rest of detection on a page that is no article).
  const head = doc.head ? Array.from(doc.head.children) : [];
  const body = inBody ?? (doc.body ? Array.from(doc.body.querySelectorAll("meta, script")) : []);
  for (const el of [...head, ...body]) {
    if (el.localName === "script") {
      if (isJsonLd(el)) scripts.push(el);
      continue;
    }
    if (el.localName !== "meta") continue;
    const key = (el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop"))?.trim().toLowerCase();
    const content = text(el.getAttribute("content"));
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const ld = jsonLdArticle(scripts);
  const ogType = metas.get("og:type")?.toLowerCase() ?? null;
  const declaresArticle = ld !== null || ogType === "article";
  return { ld, metas, declaresArticle, declaresOther: !declaresArticle && ogType !== null };
}

export function readMetadata(doc: Document, root: Element | null, declaration: Declaration = readDeclaration(doc)): ArticleMetadata {
  const { ld, metas, declaresArticle, declaresOther } = declaration;
  return {
    declaresArticle,
    declaresOther,
    title: text(ld?.["headline"]) ?? (metas.get("og:title") ?? null) ?? headline(root) ?? (doc.title.trim() || null),
    published: isoDay(text(ld?.["datePublished"])) ?? firstDate(doc, metas, root),
    byline: authorNames(ld?.["author"]) ?? (metas.get("author") ?? null) ?? bylineText(root),
    lang: doc.documentElement.getAttribute("lang")?.trim() || text(ld?.["inLanguage"]) || null,
  };
}

export function isJsonLd(el: Element): boolean {
  return el.localName === "script" && el.getAttribute("type")?.trim().toLowerCase() === "application/ld+json";
}

function jsonLdArticle(scripts: Element[]): Json | null {
  for (const script of scripts) {
    let data: unknown;
    try {
      // Some pages (and saved copies) wrap the JSON in a CDATA section.
      data = JSON.parse((script.textContent ?? "").replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ""));
    } catch {
      continue; // A page's broken JSON-LD is its own business.
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return null;
}

function findArticle(data: unknown, depth: number): Json | null {
  if (depth > 4 || data === null || typeof data !== "object") return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const obj = data as Json;
  const type = obj["@type"];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) return obj;
  return findArticle(obj["@graph"], depth + 1) ?? findArticle(obj["mainEntity"], depth + 1);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

function headline(root: Element | null): string | null {
  return text(root?.querySelector("h1")?.textContent?.replace(/\s+/g, " "));
}

function authorNames(author: unknown): string | null {
  const list = Array.isArray(author) ? author : [author];
  const names = list.flatMap((a) => {
    if (typeof a === "string") return [a.trim()];
    const name = a && typeof a === "object" ? text((a as Json)["name"]) : null;
    return name ? [name] : [];
  });
  return names.length > 0 ? names.join(", ") : null;
}

function bylineText(root: Element | null): string | null {
  const el = root?.querySelector('[rel="author"], [itemprop="author"], .byline, .author');
  return text(el?.textContent?.replace(/\s+/g, " "));
}

function firstDate(doc: Document, metas: Map<string, string>, root: Element | null): string | null {
  for (const key of DATE_META) {
    const day = isoDay(metas.get(key) ?? null);
    if (day) return day;
  }
  const time = (root ?? doc).querySelector("time[datetime]") ?? doc.querySelector("time[datetime]");
  return isoDay(text(time?.getAttribute("datetime")));
}

/** The publisher's calendar day: the date part as written, not shifted to another time zone. */
export function isoDay(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}
