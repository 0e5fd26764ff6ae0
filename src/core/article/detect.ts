import { readDeclaration, readMetadata, type ArticleMetadata, type Declaration } from "./metadata";
import { BLOCK_TAGS, isNeverMarked } from "../textmap/textmap";
import { SITE_QUIRKS, type SiteQuirk } from "./quirks";

export interface Article extends ArticleMetadata {
  isArticle: boolean;
  /** The element holding the article: headline, body and captions (the first of `roots`). */
  root: Element | null;
  /** Every element holding article text, in document order; empty when there is no article. */
  roots: Element[];
  /** What to leave out when reading the roots: page furniture, and link lists found inside the body. */
  skip: (el: Element) => boolean;
}

/**
 * Parts of a page that are never the article's prose, even inside the
 * article element: navigation, asides, forms, comments, sharing and teasers.
 */
const BOILERPLATE_TAGS = new Set(["nav", "aside", "footer", "menu", "dialog"]);
const BOILERPLATE_ROLES = new Set(["navigation", "complementary", "contentinfo", "banner", "search", "dialog", "menu", "menubar"]);
const BOILERPLATE_NAME = /(?:^|[-_ ])(?:comments?|related|share|sharing|social|newsletter|promo|teaser|recommend(?:ed|ations)?|more-stories|most-read|outbrain|taboola|sidebar|breadcrumbs?|advert(?:isement)?|ad-slot|subscribe|paywall|tags)(?:$|[-_ ])/i;

export function isBoilerplate(el: Element): boolean {
  if (el.localName === "form" || isFurniture(el)) return true;
  const name = `${el.getAttribute("class") ?? ""} ${el.id}`;
  return name.length > 1 && BOILERPLATE_NAME.test(name);
}

/** Furniture by its tag or role alone: the part of isBoilerplate no site's naming can get wrong. */
function isFurniture(el: Element): boolean {
  if (BOILERPLATE_TAGS.has(el.localName)) return true;
  const role = el.getAttribute("role");
  return role !== null && BOILERPLATE_ROLES.has(role);
}

// Thresholds, with why. Most follow Readability's, whose values were tuned on many sites.
/** A block with less own text is a label, a caption or a link, not a paragraph (Readability: 25). */
const MIN_PARAGRAPH_CHARS = 25;
/** A block whose own text is mostly links is a teaser or a menu entry, not prose. */
const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** Inside the body, a block this link-heavy is a "read more" list, not the article. */
const MAX_INNER_LINK_DENSITY = 0.5;
/** Prose that makes a page an article: a few paragraphs, not a teaser (declared articles may be short). */
const MIN_ARTICLE_CHARS = 500;
const MIN_UNDECLARED_CHARS = 1000;
const MIN_PARAGRAPHS = 3;
/** Share of the page's paragraph text the body must hold: a section front spreads it over many teasers. */
const MIN_BODY_SHARE = 0.3;
/** A page whose Open Graph type is "website" or "video" is an article only with long prose that dominates it. */
const MIN_OTHER_CHARS = 1500;
const MIN_OTHER_SHARE = 0.5;
const MIN_OTHER_AVG = 80;

const POSITIVE_NAME = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/i;
const NEGATIVE_NAME = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const QUIET = new Set(["li", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "dt", "dd"]);
const NOT_PARAGRAPH = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "hr", "br", "figure", "header"]);

/**
 * Decides whether a document is an article page and where its body is.
 * Reads the live document and never changes it: one iterative walk scores
 * blocks of prose the way reader modes do (paragraphs vote for their
 * ancestors by length and commas; link-heavy blocks count against), the
 * best container and its prose siblings are the body, widened to an
 * enclosing <article> when that adds no other prose, so that the headline
 * and captions come along.
 */
export function detectArticle(doc: Document): Article {
  const quirk = siteQuirk(doc);
  const declaration = readDeclaration(doc);
  let found = findBody(doc, quirk, false);
  let isArticle = found !== null && isArticlePage(found, declaration);
  if (!isArticle && declaration.declaresArticle) {
    // Like Readability's second try: some sites wrap the whole page in an element named like furniture ("sidebar", "paywall", a <form>).
    const lenient = findBody(doc, quirk, true);
    if (lenient && isArticlePage(lenient, declaration)) {
      found = lenient;
      isArticle = true;
    }
  }
  const roots = isArticle ? found!.roots : [];
  const metadata = readMetadata(doc, roots[0] ?? null, declaration);
  const inner = isArticle ? innerBoilerplate(found!, quirk) : new Set<Element>();
  return {
    ...metadata,
    isArticle,
    root: roots[0] ?? null,
    roots,
    skip: found?.lenient ? lenientSkip(found, inner) : (el) => inner.has(el) || isBoilerplate(el),
  };
}

/** After the second try, furniture names count only on elements that do not hold the body's prose. */
function lenientSkip(found: Body, inner: Set<Element>): (el: Element) => boolean {
  return (el) => inner.has(el) || isFurniture(el) || (isBoilerplate(el) && (found.stats.get(el)?.paraChars ?? 0) < 0.5 * found.chars);
}

/**
 * How much prose makes an article depends on what the page says it is: a
 * declared article may be short; a page declaring itself a "website" or a
 * video needs long, real paragraphs holding most of the page's prose.
 */
function isArticlePage(found: Body, declaration: Declaration): boolean {
  const share = found.pageChars > 0 ? found.chars / found.pageChars : 0;
  if (declaration.declaresArticle) return found.chars >= MIN_ARTICLE_CHARS && share >= MIN_BODY_SHARE;
  const avg = found.paras > 0 ? found.chars / found.paras : 0;
  if (declaration.declaresOther) return found.chars >= MIN_OTHER_CHARS && found.paras >= MIN_PARAGRAPHS && share >= MIN_OTHER_SHARE && avg >= MIN_OTHER_AVG;
  return found.chars >= MIN_UNDECLARED_CHARS && found.paras >= MIN_PARAGRAPHS && share >= MIN_BODY_SHARE;
}

interface Stats {
  el: Element;
  /** Text in the subtree, boilerplate left out. */
  text: number;
  /** Of which inside links. */
  link: number;
  /** Text of paragraphs (blocks of prose) in the subtree, and how many. */
  paraChars: number;
  paras: number;
  /** Votes from paragraphs below, Readability style. */
  score: number;
}

interface Frame extends Stats {
  block: boolean;
  /** Index of the nearest block frame, itself included: where this element's loose text belongs. */
  blockAt: number;
  own: number;
  ownLink: number;
  commas: number;
  brs: number;
}

export interface Body {
  roots: Element[];
  chars: number;
  paras: number;
  /** Paragraph text on the whole page, the body's included. */
  pageChars: number;
  /** Found with furniture names ignored (the second try). */
  lenient: boolean;
  stats: Map<Element, Stats>;
}

export function findBody(doc: Document, quirk: SiteQuirk | null, lenient: boolean): Body | null {
  const body = doc.body;
  if (!body) return null;
  const stats = walk(body, lenient);
  const pageChars = stats.get(body)?.paraChars ?? 0;
  if (pageChars === 0) return null;

  const explicit = quirk?.body ? doc.querySelector(quirk.body) : null;
  if (explicit && body.contains(explicit)) {
    const s = stats.get(explicit);
    return { roots: [explicit], chars: s?.paraChars ?? 0, paras: s?.paras ?? 0, pageChars, lenient, stats };
  }

  let top: Stats | null = null;
  let topScore = 0;
  const finals = new Map<Element, number>();
  for (const s of stats.values()) {
    if (s.score <= 0) continue;
    const final = (s.score + tagWeight(s.el) + nameWeight(s.el)) * (1 - linkDensity(s));
    finals.set(s.el, final);
    if (final > topScore) {
      top = s;
      topScore = final;
    }
  }
  if (!top) return null;

  // The body is often split in sibling blocks (around an ad, a photo, a pull quote).
  const roots: Element[] = [];
  let chars = 0;
  let paras = 0;
  const parent = top.el.parentElement;
  const siblings = parent && top.el !== body ? Array.from(parent.children) : [top.el];
  const threshold = Math.max(10, topScore * 0.2);
  for (const el of siblings) {
    const s = stats.get(el);
    if (!s) continue;
    const prose = s.paraChars >= 0.5 * s.text && linkDensity(s) < 0.25;
    if (el === top.el || (prose && ((finals.get(el) ?? 0) >= threshold || s.paraChars >= 80))) {
      roots.push(el);
      chars += s.paraChars;
      paras += s.paras;
    }
  }

  // Widen to the enclosing <article> (or articleBody) when it holds no other prose: headline and captions come along.
  const first = roots[0]!;
  const wrapper = first.closest('[itemprop="articleBody"]') ?? first.closest("article");
  if (wrapper && wrapper !== body && roots.every((r) => wrapper.contains(r))) {
    const w = stats.get(wrapper);
    if (w && w.paraChars <= chars * 1.25 + 200) return { roots: [wrapper], chars: w.paraChars, paras: w.paras, pageChars, lenient, stats };
  }
  return { roots, chars, paras, pageChars, lenient, stats };
}

/**
 * One iterative pass over the body (pages nest deeper than the call stack
 * allows), skipping what is never prose. Returns the stats of every element
 * holding paragraph text.
 */
function walk(body: Element, lenient: boolean): Map<Element, Stats> {
  const out = new Map<Element, Stats>();
  const stack: Frame[] = [];
  let linkDepth = 0;
  // Inside a list item, heading or figure, text is a teaser, a title or a caption, not the body's prose.
  let quietDepth = 0;
  const push = (el: Element) => {
    const name = el.localName;
    const block = BLOCK_TAGS.has(name);
    const at = stack.length;
    // Text broken by <br> pairs is paragraphs too, as Readability reads it.
    if (name === "br" && at > 0) stack[stack[at - 1]!.blockAt]!.brs++;
    stack.push({ el, text: 0, link: 0, paraChars: 0, paras: 0, score: 0, block, blockAt: block || at === 0 ? at : stack[at - 1]!.blockAt, own: 0, ownLink: 0, commas: 0, brs: 0 });
    if (name === "a") linkDepth++;
    if (QUIET.has(name)) quietDepth++;
  };
  const pop = () => {
    const f = stack.pop()!;
    const name = f.el.localName;
    if (name === "a") linkDepth--;
    if (QUIET.has(name)) quietDepth--;
    if (f.block && quietDepth === 0 && f.own >= MIN_PARAGRAPH_CHARS && f.ownLink <= MAX_PARAGRAPH_LINK_DENSITY * f.own && !NOT_PARAGRAPH.has(name)) {
      f.paraChars += f.own;
      f.paras += 1 + Math.min(Math.floor(f.brs / 2), Math.floor(f.own / 200));
      const score = 1 + f.commas + Math.min(3, Math.floor(f.own / 100));
      // Parent fully, grandparent half, further ancestors less (Readability's decay).
      for (let level = 1; level <= 5 && stack.length - level >= 0; level++) {
        stack[stack.length - level]!.score += score / (level === 1 ? 1 : level === 2 ? 2 : level * 3);
      }
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.text += f.text;
      parent.link += f.link;
      parent.paraChars += f.paraChars;
      parent.paras += f.paras;
    }
    if (f.paraChars > 0 || f.score > 0) out.set(f.el, { el: f.el, text: f.text, link: f.link, paraChars: f.paraChars, paras: f.paras, score: f.score });
  };

  push(body);
  let node: Node | null = body.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const data = (node as Text).data.trim();
      if (data.length > 0) {
        const top = stack[stack.length - 1]!;
        const block = stack[top.blockAt]!;
        top.text += data.length;
        block.own += data.length;
        if (linkDepth > 0) {
          top.link += data.length;
          block.ownLink += data.length;
        }
        block.commas += commas(data);
      }
    } else if (node.nodeType === 1 && !skipped(node as Element, lenient)) {
      push(node as Element);
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      pop();
    }
    while (node !== body && node.nextSibling === null) {
      node = node.parentNode!;
      if (node !== body) pop();
    }
    node = node === body ? null : node.nextSibling;
  }
  pop();
  return out;
}

function skipped(el: Element, lenient: boolean): boolean {
  if (isNeverMarked(el) || (lenient ? isFurniture(el) : isBoilerplate(el))) return true;
  const style = el.getAttribute("style");
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function commas(text: string): number {
  let n = 0;
  for (let i = text.indexOf(","); i !== -1; i = text.indexOf(",", i + 1)) n++;
  return n;
}

function linkDensity(s: Stats): number {
  return s.text > 0 ? s.link / s.text : 0;
}

function tagWeight(el: Element): number {
  switch (el.localName) {
    case "div": case "article": case "main": case "section": return 5;
    case "pre": case "td": case "blockquote": return 3;
    case "address": case "ol": case "ul": case "dl": case "dd": case "dt": case "li": case "form": return -3;
    case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": case "th": return -5;
    default: return 0;
  }
}

function nameWeight(el: Element): number {
  let w = 0;
  for (const name of [el.getAttribute("class"), el.id]) {
    if (!name) continue;
    if (NEGATIVE_NAME.test(name)) w -= 25;
    if (POSITIVE_NAME.test(name)) w += 25;
  }
  return w;
}

/**
 * Link lists and site furniture inside the chosen body ("read more",
 * tag lists, quirk selectors), found in one post-order pass over the roots.
 */
function innerBoilerplate(found: Body, quirk: SiteQuirk | null): Set<Element> {
  const out = new Set<Element>();
  for (const root of found.roots) {
    if (quirk?.skip) for (const el of Array.from(root.querySelectorAll(quirk.skip))) out.add(el);
    const stack: { el: Element; text: number; link: number }[] = [{ el: root, text: 0, link: 0 }];
    const pop = () => {
      const f = stack.pop()!;
      const parent = stack[stack.length - 1];
      if (f.text > 0 && f.link > MAX_INNER_LINK_DENSITY * f.text && BLOCK_TAGS.has(f.el.localName)) out.add(f.el);
      if (parent) {
        parent.text += f.text;
        parent.link += f.el.localName === "a" ? f.text : f.link;
      }
    };
    let node: Node | null = root.firstChild;
    while (node) {
      if (node.nodeType === 3) {
        const len = (node as Text).data.trim().length;
        stack[stack.length - 1]!.text += len;
      } else if (node.nodeType === 1 && !skipped(node as Element, found.lenient) && !out.has(node as Element)) {
        stack.push({ el: node as Element, text: 0, link: 0 });
        if (node.firstChild) {
          node = node.firstChild;
          continue;
        }
        pop();
      }
      while (node !== root && node.nextSibling === null) {
        node = node.parentNode!;
        if (node !== root) pop();
      }
      node = node === root ? null : node.nextSibling;
    }
  }
  return out;
}

export function siteQuirk(doc: Document): SiteQuirk | null {
  const host = doc.location?.hostname ?? "";
  if (!host) return null;
  return SITE_QUIRKS.find((q) => host === q.host || host.endsWith(`.${q.host}`)) ?? null;
}
