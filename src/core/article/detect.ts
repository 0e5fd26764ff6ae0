import { readMetadata, type ArticleMetadata } from "./metadata";
import { isNeverMarked } from "../textmap/textmap";

export interface Article extends ArticleMetadata {
  isArticle: boolean;
  /** The element holding the article: headline, body and captions. */
  root: Element | null;
}

/**
 * Parts of a page that are never the article's prose, even inside the
 * article element: navigation, asides, forms, comments, sharing and teasers.
 */
const BOILERPLATE_TAGS = new Set(["nav", "aside", "footer", "form", "menu", "dialog"]);
const BOILERPLATE_ROLES = new Set(["navigation", "complementary", "contentinfo", "banner", "search", "dialog", "menu", "menubar"]);
const BOILERPLATE_NAME = /(?:^|[-_ ])(?:comments?|related|share|sharing|social|newsletter|promo|teaser|recommend(?:ed|ations)?|more-stories|most-read|outbrain|taboola|sidebar|breadcrumbs?|advert(?:isement)?|ad-slot|subscribe|paywall|tags)(?:$|[-_ ])/i;

export function isBoilerplate(el: Element): boolean {
  if (BOILERPLATE_TAGS.has(el.localName)) return true;
  const role = el.getAttribute("role");
  if (role && BOILERPLATE_ROLES.has(role)) return true;
  const name = `${el.getAttribute("class") ?? ""} ${el.id}`;
  return name.length > 1 && BOILERPLATE_NAME.test(name);
}

/** Minimum prose in the chosen root for a page to count as an article. */
const MIN_ARTICLE_CHARS = 600;
const MIN_PARAGRAPH_CHARS = 40;

/**
 * Decides whether a document is an article page and where its body is.
 * Reads the live document and never changes it. Paragraphs vote for their
 * parent (fully) and grandparent (half) with their text length; the best
 * candidate widens to an enclosing <article> or articleBody, so the headline
 * and captions come along.
 */
export function detectArticle(doc: Document): Article {
  const root = findRoot(doc);
  const metadata = readMetadata(doc, root?.element ?? null);
  const chars = root?.chars ?? 0;
  const isArticle = root !== null && (chars >= MIN_ARTICLE_CHARS && (metadata.declaresArticle || root.paragraphs >= 5 || root.semantic));
  return { ...metadata, isArticle, root: isArticle ? root!.element : null };
}

interface Candidate {
  element: Element;
  chars: number;
  paragraphs: number;
  semantic: boolean;
}

function findRoot(doc: Document): Candidate | null {
  const body = doc.body;
  if (!body) return null;
  const explicit = body.querySelector('[itemprop="articleBody"]');
  const scores = new Map<Element, { chars: number; paragraphs: number }>();
  for (const p of Array.from(body.querySelectorAll("p"))) {
    if (insideBoilerplate(p, body)) continue;
    const chars = (p.textContent ?? "").replace(/\s+/g, " ").trim().length;
    if (chars < MIN_PARAGRAPH_CHARS) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    vote(scores, parent, chars, 1);
    if (parent.parentElement && parent !== body) vote(scores, parent.parentElement, chars / 2, 0);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    if (s.chars > bestScore) {
      best = el;
      bestScore = s.chars;
    }
  }
  if (!best) return null;
  const widened = explicit && (explicit.contains(best) || best.contains(explicit)) ? explicit : best;
  const article = widened.closest("article");
  const element = article && article !== body ? article : widened;
  const paragraphs = Array.from(element.querySelectorAll("p")).filter(
    (p) => !insideBoilerplate(p, element) && (p.textContent ?? "").trim().length >= MIN_PARAGRAPH_CHARS,
  );
  const chars = paragraphs.reduce((n, p) => n + (p.textContent ?? "").replace(/\s+/g, " ").trim().length, 0);
  return { element, chars, paragraphs: paragraphs.length, semantic: element.localName === "article" || element === explicit };
}

function vote(scores: Map<Element, { chars: number; paragraphs: number }>, el: Element, chars: number, paragraphs: number) {
  const s = scores.get(el) ?? { chars: 0, paragraphs: 0 };
  s.chars += chars;
  s.paragraphs += paragraphs;
  scores.set(el, s);
}

function insideBoilerplate(el: Element, stop: Element): boolean {
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    if (isBoilerplate(cur) || isNeverMarked(cur)) return true;
  }
  return false;
}
