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
  // By tag, then attributes in script: a selector with case-insensitive attribute matches costs a match against every
  // element of the page, the tag's collection does not. Indexed, not Array.from: no array of every element is built.
  const metas = doc.getElementsByTagName("meta");
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    // The content first: on most pages no meta's is "article", and one attribute read settles each.
    if (meta.getAttribute("content")?.trim().toLowerCase() !== "article") continue;
    const key = meta.getAttribute("property") ?? meta.getAttribute("name") ?? meta.getAttribute("itemprop");
    if (key?.trim().toLowerCase() === "og:type") return true;
  }
  const scripts = doc.getElementsByTagName("script");
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]!;
    if (isJsonLd(script) && ARTICLE_TYPE_WORD.test(script.textContent ?? "")) return true;
  }
  return false;
}

function hasQuirkBody(doc: Document): boolean {
  const host = doc.location?.hostname ?? "";
  const quirk = host ? SITE_QUIRKS.find((q) => host === q.host || host.endsWith(`.${q.host}`)) : undefined;
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
  const paragraphs = body.getElementsByTagName("p");
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
  const breaks = body.getElementsByTagName("br");
  for (let i = 0; i < breaks.length; i++) {
    const block = breaks[i]!.parentElement;
    if (!block || seen.has(block)) continue;
    seen.add(block);
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
