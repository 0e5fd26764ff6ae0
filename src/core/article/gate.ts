import { SITE_QUIRKS } from "./quirks";
import { isJsonLd } from "./json-ld";
import { BLOCK_TAGS, isNeverMarked } from "../textmap/textmap";

/**
 * A cheap look before detection: false when the page shows none of the
 * shapes an article's prose takes, read with a few native queries and no walk
 * of the page. Most section fronts, home pages and listings stop here and pay
 * neither detection nor the rest of the content script; true says nothing,
 * detection decides (docs/decisions/010-a-gate-before-detection.md).
 *
 * The signals, and why they let every article through. Detection takes a
 * page that declares an article with little prose, so a declaration passes.
 * Any other page needs three paragraphs and 600 characters in one body (1,500
 * when it declares a "website" or a video). That prose comes as <p> elements
 * side by side (or each alone in a wrapper, the wrappers side by side), or as
 * a block broken by <br>. A section front's <p> elements are teasers' summaries,
 * one per card beside a headline, and its <br>s break short lines.
 * `npm run eval:article` runs the gate on every corpus page: it stops none of
 * the pages detection calls articles (and most of those it does not).
 *
 * What it could miss: an undeclared article written in plain <div>s, or whose
 * every paragraph shares a box with something else. Such a page is still
 * read when the reader asks: opening the popup has it read
 * (src/content/standby.ts), and detection decides.
 */
export function mayBeArticle(doc: Document): boolean {
  if (!doc.body) return false;
  return declaresArticle(doc) || hasQuirkBody(doc) || hasParagraphsSideBySide(doc.body) || hasBrokenProse(doc.body);
}

/** Characters a paragraph needs (detection's MIN_PARAGRAPH_CHARS). */
const PARAGRAPH_CHARS = 25;
/**
 * Text of <p> elements side by side that may start an article's body: a third of the 600 an undeclared article
 * needs (on the corpus, the articles that pass by this signal alone hold over 400; labels and captions in pairs less).
 */
const SIDE_BY_SIDE_CHARS = 200;
/** Own text of a <br>-broken block that may be an article's body: half of detection's 600 for an undeclared page. */
const BROKEN_PROSE_CHARS = 300;
/** The JSON-LD types detection reads as an article (metadata.ts's ARTICLE_TYPES all end in one of these). */
const ARTICLE_TYPE_WORD = /Article|Posting|Report|APIReference/;

/**
 * Open Graph "article" or a JSON-LD script naming an article type anywhere in
 * it: a superset of what readDeclaration accepts (it parses the JSON and
 * takes the first meta of each name), so no declared article is stopped.
 */
function declaresArticle(doc: Document): boolean {
  // One native query that returns only the few candidates: in a new renderer every element our code touches gets a
  // wrapper built (and its kind's bindings the first time), which cost more than reading each <meta> and <script>.
  // `*=` lets through every value a trim would make "article" or a JSON-LD type; the checks below are exact.
  const candidates = doc.querySelectorAll('meta[content*="article" i], script[type*="ld+json" i]');
  for (let i = 0; i < candidates.length; i++) {
    const el = candidates[i]!;
    if (el.localName === "script") {
      if (isJsonLd(el) && ARTICLE_TYPE_WORD.test(el.textContent ?? "")) return true;
      continue;
    }
    if (el.getAttribute("content")?.trim().toLowerCase() !== "article") continue;
    const key = el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop");
    if (key?.trim().toLowerCase() === "og:type") return true;
  }
  return false;
}

/** Quirks that name a body: without any (the usual case), the page's address is not read. */
const BODY_QUIRKS = SITE_QUIRKS.filter((q) => q.body !== undefined);

function hasQuirkBody(doc: Document): boolean {
  if (BODY_QUIRKS.length === 0) return false;
  const host = doc.location?.hostname ?? "";
  const quirk = host ? BODY_QUIRKS.find((q) => host === q.host || host.endsWith(`.${q.host}`)) : undefined;
  return quirk?.body !== undefined && doc.querySelector(quirk.body) !== null;
}

/**
 * Paragraph-long <p> elements side by side, two or more holding 200
 * characters together: under one parent, or each
 * alone in its own wrapper (sites wrap every paragraph several elements
 * deep) with the wrappers side by side. A teaser's summary shares its card
 * with a headline, so its climb stops at the <p>. Text content counts nested
 * text too: more pages pass, none fewer.
 */
function hasParagraphsSideBySide(body: Element): boolean {
  const groups = new Map<Element, { paragraphs: number; chars: number }>();
  // A NodeList, as the declaration's query returns: one kind of list built in the extension's world, not two.
  const paragraphs = body.querySelectorAll("p");
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const chars = (p.textContent ?? "").length;
    if (chars < PARAGRAPH_CHARS) continue;
    let unit: Element = p;
    while (unit.parentElement && unit.parentElement !== body && unit.parentElement.childElementCount === 1) unit = unit.parentElement;
    const parent = unit.parentElement;
    if (!parent) continue;
    const group = groups.get(parent) ?? { paragraphs: 0, chars: 0 };
    group.paragraphs += 1;
    group.chars += chars;
    if (group.paragraphs >= 2 && group.chars >= SIDE_BY_SIDE_CHARS) return true;
    groups.set(parent, group);
  }
  return false;
}

/** A block broken by <br> that holds enough text of its own to be a body. */
function hasBrokenProse(body: Element): boolean {
  const seen = new Set<Element>();
  const breaks = body.querySelectorAll("br");
  for (let i = 0; i < breaks.length; i++) {
    const block = breaks[i]!.parentElement;
    if (!block || seen.has(block)) continue;
    seen.add(block);
    // Its own text is part of all its text: most blocks a <br> breaks are too short to be looked into.
    if ((block.textContent ?? "").length < BROKEN_PROSE_CHARS) continue;
    let own = 0;
    for (let n = block.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) own += (n as Text).data.length;
      // An inline child's text is the block's own, as detection counts it; a block child's, or what detection never reads, is not.
      else if (n.nodeType === 1 && !BLOCK_TAGS.has((n as Element).localName) && !isNeverMarked(n as Element)) own += (n.textContent ?? "").length;
      if (own >= BROKEN_PROSE_CHARS) return true;
    }
  }
  return false;
}
