import { drain, type Steps } from "../slices";
import { NODES_PER_STEP, walkSteps } from "../walk";
import { isJsonLd, metadataSteps, readDeclaration, type ArticleMetadata, type Declaration } from "./metadata";
import { BLOCK_TAGS, isNeverMarked, NEVER_MARKED_ATTRIBUTES } from "../textmap/textmap";
import { SITE_QUIRKS, type SiteQuirk } from "./quirks";

export interface Article extends ArticleMetadata {
  isArticle: boolean;
  /** The first of `roots`: the element holding the article's body (with the headline when the page keeps it there). */
  root: Element | null;
  /** Every element holding article text, in document order; empty when there is no article. */
  roots: Element[];
  /** What to leave out when reading the roots: page furniture, link lists and paragraph-less boxes inside the body. */
  skip: (el: Element) => boolean;
}

/**
 * Parts of a page that are never the article's prose, even inside the
 * article element: navigation, asides, forms, comments, sharing and teasers.
 */
const BOILERPLATE_TAGS = new Set(["nav", "aside", "footer", "menu", "dialog"]);
const BOILERPLATE_ROLES = new Set(["navigation", "complementary", "contentinfo", "banner", "search", "dialog", "alertdialog", "menu", "menubar"]);
/** Names that mark furniture wherever they appear. */
const BOILERPLATE_NAME = /(?:^|[-_ ])(?:comments?|related|share|sharing|social|newsletter|recommend(?:ed|ations)?|more-stories|most-read|most-popular|trending|outbrain|taboola|cta|breadcrumbs?|cookies?|consent|onetrust|didomi|gdpr|cmp|drawer)(?:$|[-_ ])/i;
/**
 * Names that mark furniture, except that some sites give them to a wrapper
 * of the whole story ("content-with-sidebar", "article-body paywall"): such
 * an element is furniture only when it holds little prose.
 */
const SOFT_BOILERPLATE_NAME = /(?:^|[-_ ])(?:sidebar|promo|teaser|advert(?:isement)?|ad-slot|subscribe|paywall|tags)(?:$|[-_ ])/i;

/** Page furniture by tag, role or name, whatever it holds. */
export function isBoilerplate(el: Element): boolean {
  return isFurniture(el) || isSoftBoilerplate(el);
}

/** Furniture by tag, role or a name no story wrapper carries. */
function isFurniture(el: Element): boolean {
  if (BOILERPLATE_TAGS.has(el.localName)) return true;
  const role = el.getAttribute("role");
  if (role !== null && BOILERPLATE_ROLES.has(role)) return true;
  // A modal (consent dialogs, sign-in and "save article" drawers) sits over the page; its prose is not the story.
  if (el.getAttribute("aria-modal") === "true") return true;
  // An <article> or <main> is the story whatever its classes say ("url-breadcrumb", "has-sidebar").
  if (el.localName === "article" || el.localName === "main") return false;
  const name = className(el);
  if (name.length <= 1) return false;
  if (hiddenByClass(name)) return !holdsMain(el);
  return BOILERPLATE_NAME.test(name) && !storyNamed(name) && !holdsMain(el) && !isEmbeddedPost(el, name);
}

/**
 * Hidden on screen by the CSS framework's class: Bootstrap's `d-none`, unless a class shows it from some screen width
 * on (`d-none d-md-block`: shown on a desktop). A print-only block (`d-none d-print-block`: phys.org's citation and
 * copyright notice, extraction e1c7023ee2…) is no text a reader sees.
 */
function hiddenByClass(names: string): boolean {
  return HIDDEN_CLASS.test(names) && !SHOWN_CLASS.test(names);
}
const HIDDEN_CLASS = /(?:^|\s)d-none(?:\s|$)/;
const SHOWN_CLASS = /(?:^|\s)d-(?:sm|md|lg|xl|xxl)-(?!none(?:\s|$))[a-z-]+(?:\s|$)/;

/**
 * A post the story quotes, embedded by the social network's markup (a tweet's, an Instagram post's, a TikTok's
 * `<blockquote>`) in a wrapper whose name says `social` and `embed` ("social-media-embed", nj.com, extraction
 * 3f65af7b6b…): the post is the story's, not a share bar. A share bar holds no quotation.
 */
function isEmbeddedPost(el: Element, name: string): boolean {
  return EMBED_NAME.test(name) && el.querySelector("blockquote") !== null;
}
const EMBED_NAME = /(?:^|[-_ ])embed(?:ded)?(?:$|[-_ ])/i;

/**
 * Whether the page's main landmark is inside: such an element wraps the page, whatever its name says (a sliding
 * navigation drawer's panel, "i-nav_drawer_slide__panel", holds the whole page beside the drawer). It is read as
 * soft furniture, kept when it holds prose. The walk asks it only of elements it would leave out whole, so each
 * subtree is looked into once, natively.
 */
function holdsMain(el: Element): boolean {
  return el.querySelector(MAIN) !== null;
}
const MAIN = 'main, [role="main"]';

/**
 * Whether one of the names names the story itself, apart from the furniture word ("article-body js-share-enabled",
 * "story comments-on"): such an element is a story wrapper that happens to carry a share or comments switch, and is
 * furniture only when it holds little prose. In one name ("article-share", "post-comments") it is the furniture.
 */
function storyNamed(name: string): boolean {
  return name.split(/\s+/).some((token) => token.length > 1 && POSITIVE_NAME.test(token) && !BOILERPLATE_NAME.test(token) && !NEGATIVE_NAME.test(token));
}

/** A <form> can wrap a whole page (ASP.NET); furniture names can wrap a whole story. */
function isSoftBoilerplate(el: Element): boolean {
  if (el.localName === "form") return true;
  if (el.localName === "article" || el.localName === "main") return false;
  const name = className(el);
  return name.length > 1 && (SOFT_BOILERPLATE_NAME.test(name) || (BOILERPLATE_NAME.test(name) && (storyNamed(name) || holdsMain(el))));
}

function className(el: Element): string {
  return `${el.getAttribute("class") ?? ""} ${el.id}`;
}

/** What the walk does with an element: leave it out, read it, or read it as soft furniture (dropped if it holds little prose). */
const SKIP = 0;
const READ = 1;
const SOFT = 2;
type Kind = typeof SKIP | typeof READ | typeof SOFT;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * `skipped` and `isSoftBoilerplate` in one look, for one page. The walk asks this of every element, and a DOM call
 * per attribute read was most of its cost: one call lists the element's attributes, and only those it carries are
 * read (most elements carry a class and nothing this looks at). What the tag and the names decide is kept per tag and
 * per class string (pages repeat their class names thousands of times; the name patterns are long alternations).
 * The verdicts are those of reading every attribute of every element.
 */
/** What the walk does with an element (`name`, its tag, read once by the caller). */
type Classify = (el: Element, name: string) => Kind;

function classifier(): Classify {
  /** Per tag, for an element without the attributes isNeverMarked reads: whether the tag alone makes it SKIP. */
  const byTag = new Map<string, boolean>();
  const byClass = new Map<string, Kind>();
  return (el, name) => {
    // A tag that is left out whatever its attributes (a script, an <svg>, a <nav>) needs none read.
    const tagSkips = byTag.get(name);
    if (tagSkips === true) return SKIP;
    const attributes = el.hasAttributes() ? el.getAttributeNames() : NO_ATTRIBUTES;
    let neverMarked = false, role = false, modal = false, style = false, cls = false, id = false;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!;
      if (a === "class") cls = true;
      else if (a === "id") id = true;
      else if (a === "role") role = true;
      else if (a === "style") style = true;
      else if (a === "aria-modal") modal = true;
      else if (NEVER_MARKED_ATTRIBUTES.has(a)) neverMarked = true;
    }
    if (neverMarked) {
      if (BOILERPLATE_TAGS.has(name) || isNeverMarked(el)) return SKIP;
    } else if (tagSkips === undefined) {
      const skipped = BOILERPLATE_TAGS.has(name) || isNeverMarked(el);
      byTag.set(name, skipped);
      if (skipped) return SKIP;
    }
    if (role) {
      const value = el.getAttribute("role");
      if (value !== null && BOILERPLATE_ROLES.has(value)) return SKIP;
    }
    if (modal && el.getAttribute("aria-modal") === "true") return SKIP;
    if (style && HIDDEN_STYLE.test(el.getAttribute("style") ?? "")) return SKIP;
    if (name === "article" || name === "main") return READ;
    let kind: Kind | undefined;
    if (id) kind = nameKind(`${cls ? el.getAttribute("class") ?? "" : ""} ${el.id}`);
    else {
      const names = cls ? el.getAttribute("class") ?? "" : "";
      kind = byClass.get(names);
      if (kind === undefined) byClass.set(names, (kind = nameKind(`${names} `)));
    }
    if (kind === SKIP) return holdsMain(el) ? SOFT : isEmbeddedPost(el, className(el)) ? READ : SKIP;
    return kind === READ && name === "form" ? SOFT : kind;
  };
}

const NO_ATTRIBUTES: readonly string[] = [];

/** What an element's names (className()) make of it: furniture, soft furniture, or nothing (READ). */
function nameKind(names: string): Kind {
  if (names.length <= 1) return READ;
  if (hiddenByClass(names)) return SKIP;
  if (BOILERPLATE_NAME.test(names)) return storyNamed(names) ? SOFT : SKIP;
  return SOFT_BOILERPLATE_NAME.test(names) ? SOFT : READ;
}

// Thresholds, with why. Most follow Readability's, whose values were tuned on many sites.
/** A block with less own text is a label, a caption or a link, not a paragraph (Readability: 25). */
const MIN_PARAGRAPH_CHARS = 25;
/** A block whose own text is mostly links is a teaser or a menu entry, not prose. */
const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** Inside the body, a block this link-heavy is a "read more" list, not the article. */
const MAX_INNER_LINK_DENSITY = 0.5;
/**
 * Prose that makes a page an article. A page declaring an article may show
 * only its first paragraphs (a paywall); an undeclared page needs a few
 * paragraphs, about twice the longest teaser block seen on section fronts.
 */
const MIN_ARTICLE_CHARS = 250;
const MIN_UNDECLARED_CHARS = 600;
const MIN_PARAGRAPHS = 3;
/** Share of the page's paragraph text the body must hold: a section front spreads it over many teasers. */
const MIN_BODY_SHARE = 0.3;
/** Declared articles may sit above long reader comments or an excerpt list. */
const MIN_DECLARED_SHARE = 0.15;
/** A page whose Open Graph type is "website" or "video" is an article only with long prose that dominates it. */
const MIN_OTHER_CHARS = 1500;
const MIN_OTHER_SHARE = 0.5;
const MIN_OTHER_AVG = 80;
/** The body's container climbs to its parent when that holds this much more paragraph text, with few links, mostly in paragraphs. */
const CLIMB_GAIN = 1.5;
const CLIMB_MAX_LINK_DENSITY = 0.3;
const CLIMB_PROSE_SHARE = 0.5;
const CLIMB_LEVELS = 4;
/** A list this long whose every item links elsewhere is other stories' teasers. */
const TEASER_LIST_ITEMS = 3;
/** A headline is at most this long (the longest of the verified headlines in tools/eval-article-headlines.json: 132 characters). */
const MAX_HEADLINE_CHARS = 160;
/** A teaser's description is a paragraph at most this long. */
const TEASER_MAX_CHARS = 400;
/** ... and holds less of the body's text than this: a roundup story is such a list from end to end. */
const TEASER_LIST_SHARE = 0.7;
/** A wrapper holding at most this much more than the chunk it wraps adds nothing (a caption, a label). */
const WRAPPER_SLACK = 1.05;
/** A story has a subheading every few paragraphs at most; a feed or a list of stories has one for each. */
const PARAS_PER_HEADING = 3;
/** A soft-furniture element holding this much prose is a story wrapper, not furniture. */
const SOFT_KEEP_CHARS = 500;

/** Names of the lines about a story: who wrote it, when, where, whose photo. */
const META_NAME = /(?:^|[-_ ])(?:byline|bylines|signature|dateline|date|dates|timestamp|time-stamp|published|pubdate|posted-on|article-meta|post-meta|entry-meta|author-info|author-bio)(?:$|[-_ ])/i;
/** The same lines marked up as microdata: `<span itemprop="datePublished">segunda-feira, 22 de janeiro de 2018</span>`. */
const META_PROP = /^(?:datePublished|dateModified|dateCreated|author|creator)$/;

/** A line about the story (who wrote it, when), by its name or its microdata property. */
function isAboutTheStory(el: Element): boolean {
  const prop = el.getAttribute("itemprop");
  return META_NAME.test(className(el)) || (prop !== null && META_PROP.test(prop.trim()));
}
/** Such a line is short; a longer element so named holds more than that. */
const MAX_META_CHARS = 300;
const POSITIVE_NAME = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/i;
const NEGATIVE_NAME = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
/** Inside these, text is a teaser, a title or a caption, not the body's prose. */
const QUIET = new Set(["li", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "dt", "dd"]);
/** Containers that inside the body are kept only when they hold a paragraph, or are a plain list of prose. */
const CONTAINERS = new Set(["div", "section", "header", "ul", "ol", "dl", "center"]);
const LISTS = new Set(["ul", "ol", "dl"]);
const NOT_PARAGRAPH = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "hr", "br", "figure", "header"]);

/**
 * Decides whether a document is an article page and where its body is.
 * Reads the live document and never changes it: one iterative walk scores
 * blocks of prose the way reader modes do (paragraphs vote for their
 * ancestors by length and commas; link-heavy blocks count against); the
 * best container and its prose siblings are the body. What the page says it
 * is (JSON-LD, Open Graph) sets how much prose makes an article.
 */
export function detectArticle(doc: Document): Article {
  return drain(detectSteps(doc));
}

export interface DetectOptions {
  /**
   * Only whether the page is an article: on one that is not, its headline, date and byline are not read (the
   * content script's first look, which stands by on such a page and keeps nothing of it).
   */
  verdictOnly?: boolean;
}

/** detectArticle as steps that pause every few hundred nodes. */
export function* detectSteps(doc: Document, options: DetectOptions = {}): Steps<Article> {
  const quirk = siteQuirk(doc);
  const metadataInBody: Element[] = [];
  const found = yield* findBody(doc, quirk, metadataInBody);
  // Pauses between the parts after the walk: in code not yet compiled, each can take milliseconds (the date patterns'
  // first use, JSON-LD), and together they made one slice long enough to be a long task.
  yield;
  const declaration = readDeclaration(doc, metadataInBody);
  const isArticle = found !== null && isArticlePage(found, declaration);
  const roots = isArticle ? found!.roots : [];
  yield;
  const metadata = isArticle || !options.verdictOnly ? yield* metadataSteps(doc, roots[0] ?? null, declaration) : unread(declaration);
  if (!isArticle) return { ...metadata, isArticle, root: null, roots, skip: isBoilerplate };
  yield;
  const inner = yield* innerBoilerplate(found!, quirk);
  const stats = found!.stats;
  return {
    ...metadata,
    isArticle,
    root: roots[0] ?? null,
    roots,
    // A soft-furniture element the walk kept (it holds the story) is read.
    skip: (el) => inner.has(el) || isFurniture(el) || isCredit(el) || (isSoftBoilerplate(el) && !stats.has(el)),
  };
}

/** A page's metadata when only the verdict was asked for: what the declaration says, nothing read from the page. */
function unread(declaration: Declaration): ArticleMetadata {
  const { declaresArticle, declaresOther, declaresNonArticle } = declaration;
  return { declaresArticle, declaresOther, declaresNonArticle, title: null, titleFrom: null, published: null, publishedFrom: null, byline: null, lang: null };
}

/** Names sites give a photo credit or copyright line ("image__credit", "story-image-copyright", "m-copyright-outercontainer"). */
const CREDIT_NAME = /(?:^|[-_ ])(?:(?:photo|image|media|caption|picture)?-?credits?|copyright|photographer)(?:$|[-_ ])/i;

/**
 * A photo credit inside the body: who took the picture, never whom the article names; read as text it runs
 * into the caption ("… Sergei Lavrov. © Foto: Virginia Mayo (Keystone)"). The credit shapes the text keeps
 * anyway are left unmarked by src/core/text/credits.ts; these are the ones a page labels.
 */
function isCredit(el: Element): boolean {
  const prop = el.getAttribute("itemprop");
  if (prop !== null && /^(?:copyrightHolder|copyrightNotice|creditText|copyrightYear)$/.test(prop)) return true;
  // A caption's own small print: "<figcaption>… <small>Photo: AP</small></figcaption>".
  if ((el.localName === "small" || el.localName === "cite") && el.closest("figcaption") !== null) return true;
  const name = className(el);
  return name.length > 1 && CREDIT_NAME.test(name);
}

/**
 * How much prose makes an article depends on what the page says it is: a
 * declared article may be short; a page declaring itself a "website" or a
 * video needs long, real paragraphs holding most of the page's prose.
 */
function isArticlePage(found: Body, declaration: Declaration): boolean {
  // A recipe, a podcast episode, a schedule: the page says what it is, and it is no article.
  if (declaration.declaresNonArticle) return false;
  const share = found.pageChars > 0 ? found.chars / found.pageChars : 0;
  if (declaration.declaresArticle) return found.chars >= MIN_ARTICLE_CHARS && share >= MIN_DECLARED_SHARE;
  const avg = found.paras > 0 ? found.chars / found.paras : 0;
  if (declaration.declaresOther) return found.chars >= MIN_OTHER_CHARS && found.paras >= MIN_PARAGRAPHS && share >= MIN_OTHER_SHARE && avg >= MIN_OTHER_AVG;
  return found.chars >= MIN_UNDECLARED_CHARS && found.paras >= MIN_PARAGRAPHS && share >= MIN_BODY_SHARE;
}

interface Stats {
  el: Element;
  /** Text in the subtree, furniture left out. */
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
  /** The element's tag, read once. */
  name: string;
  block: boolean;
  /** Soft furniture: left out at its end when it holds little prose. */
  soft: boolean;
  /** Index of the nearest block frame, itself included: where this element's loose text belongs. */
  blockAt: number;
  own: number;
  ownLink: number;
  commas: number;
  brs: number;
  /** Paragraph scores from 1..5 levels below, held until the element is left, so that dropped furniture takes its votes along. */
  vote1: number;
  vote2: number;
  vote3: number;
  vote4: number;
  vote5: number;
}

interface Body {
  roots: Element[];
  chars: number;
  paras: number;
  /** Paragraph text on the whole page, the body's included. */
  pageChars: number;
  /** Every element holding paragraph text, soft furniture that holds little prose left out. */
  stats: Map<Element, Stats>;
  /** The page's classify(), for the pass over the body. */
  classify: Classify;
}

/** Readability's decay: the parent gets a paragraph's whole score, the grandparent half, then a third of the level. */
const DECAY = [1, 2, 9, 12, 15] as const;

/** `metadataInBody` receives the body's <meta>, JSON-LD and <h1> elements, met on the way. */
function* findBody(doc: Document, quirk: SiteQuirk | null, metadataInBody: Element[] = []): Steps<Body | null> {
  const body = doc.body;
  if (!body) return null;
  const classify = classifier();
  const stats = yield* walk(body, classify, metadataInBody);
  yield;
  const pageChars = stats.get(body)?.paraChars ?? 0;
  if (pageChars === 0) return null;

  const explicit = quirk?.body ? doc.querySelector(quirk.body) : null;
  if (explicit && body.contains(explicit)) {
    const s = stats.get(explicit);
    return { roots: [explicit], chars: s?.paraChars ?? 0, paras: s?.paras ?? 0, pageChars, stats, classify };
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

  // Paragraphs voting for their nearest containers miss a body cut in chunks one level further apart: climb while the
  // parent adds real prose and stays prose (low link density, mostly paragraphs), not a column of teasers.
  // A level may add nothing (a wrapper of one chunk), so look a few levels up before giving up: four, as sites wrap
  // each paragraph alone four elements deep. A live feed's posts are as deep, but each is a headed unit: past three
  // levels, a heading for every few paragraphs stops the climb.
  let level = 0;
  for (let up = top.el.parentElement; up && up !== body && level < CLIMB_LEVELS; up = up.parentElement, level++) {
    const s = stats.get(up);
    if (!s || linkDensity(s) > CLIMB_MAX_LINK_DENSITY || s.paraChars < CLIMB_PROSE_SHARE * s.text) break;
    if (level >= CLIMB_LEVELS - 1 && s.paraChars >= CLIMB_GAIN * top.paraChars && headingCount(up) * PARAS_PER_HEADING > s.paras) break;
    if (s.paraChars >= CLIMB_GAIN * top.paraChars) {
      top = s;
      level = 0;
    }
  }

  // The body is often split in sibling blocks (around an ad, a photo, a pull quote).
  const roots: Element[] = [];
  let chars = 0;
  let paras = 0;
  const parent = top.el.parentElement;
  const siblings = parent && top.el !== body ? Array.from(parent.children) : [top.el];
  const threshold = Math.max(10, topScore * 0.2);
  let pastTop = false;
  for (const el of siblings) {
    const s = stats.get(el);
    if (!s) continue;
    const prose = s.paraChars >= 0.5 * s.text && linkDensity(s) < 0.25;
    // Readability's rule: a sibling container joins on its score; a bare paragraph joins on its length.
    // Before the best block, a paragraph in a wrapper of its own (a <div> paragraph, a lede in a media box) is a
    // bare paragraph too: the lede; after it, such boxes are as often an author's note or a sign-up blurb.
    if (el === top.el) pastTop = true;
    // A byline or date line beside the body is about the story: a line of the length of a paragraph is no lede.
    else if (s.text < MAX_META_CHARS && isAboutTheStory(el)) continue;
    const bare = s.paraChars >= 80 && (el.localName === "p" || (!pastTop && s.paras === 1 && isSentence(el)));
    if (el === top.el || (prose && ((finals.get(el) ?? 0) >= threshold || bare))) {
      roots.push(el);
      chars += s.paraChars;
      paras += s.paras;
    }
  }
  // A site's layout may cut the body in chunks, each wrapped a few elements deep in the same component (the same tag
  // and class): the chunk's outermost wrapper that adds no prose has such siblings, each holding prose in an element
  // like the best one (a column beside the story is wrapped alike too, but holds other things).
  let chunk = top.el;
  for (let up = chunk.parentElement; up && up !== body; up = up.parentElement) {
    const s = stats.get(up);
    if (!s || s.paraChars > top.paraChars * WRAPPER_SLACK || s.text > top.text * WRAPPER_SLACK) break;
    chunk = up;
  }
  // Sibling <article>s are stories of their own (the posts of a live feed), not chunks of one.
  if (chunk !== top.el && chunk.parentElement && chunk.localName !== "article") {
    const kind = `${chunk.localName}.${chunk.getAttribute("class") ?? ""}`;
    const before: Element[] = [];
    const after: Element[] = [];
    let seen = false;
    for (const el of Array.from(chunk.parentElement.children)) {
      if (el === chunk) {
        seen = true;
        continue;
      }
      const s = stats.get(el);
      if (!s || `${el.localName}.${el.getAttribute("class") ?? ""}` !== kind || !holdsLike(el, top.el)) continue;
      if (s.paraChars < MIN_PARAGRAPH_CHARS * 4 || s.paraChars < 0.5 * s.text || linkDensity(s) >= 0.25) continue;
      (seen ? after : before).push(el);
      chars += s.paraChars;
      paras += s.paras;
    }
    roots.unshift(...before);
    roots.push(...after);
  }
  return { roots, chars, paras, pageChars, stats, classify };
}

/**
 * One iterative pass over the body (pages nest deeper than the call stack
 * allows), skipping what is never prose. Returns the stats of every element
 * holding paragraph text.
 */
function* walk(body: Element, classify: Classify, metadata: Element[]): Steps<Map<Element, Stats>> {
  const out = new Map<Element, Stats>();
  const stack: Frame[] = [];
  let linkDepth = 0;
  let quietDepth = 0;
  const quietSaved: number[] = [];
  /** Frames of elements left that hold no prose (most): used again, as a page has thousands of elements. */
  const free: Frame[] = [];
  const push = (el: Element, name: string, soft: boolean) => {
    const block = BLOCK_TAGS.has(name);
    const at = stack.length;
    // Text broken by <br> pairs is paragraphs too, as Readability reads it.
    if (name === "br" && at > 0) stack[stack[at - 1]!.blockAt]!.brs++;
    const blockAt = block || at === 0 ? at : stack[at - 1]!.blockAt;
    const f = free.pop();
    if (f === undefined) {
      stack.push({
        el, name, text: 0, link: 0, paraChars: 0, paras: 0, score: 0, block, soft,
        blockAt, own: 0, ownLink: 0, commas: 0, brs: 0, vote1: 0, vote2: 0, vote3: 0, vote4: 0, vote5: 0,
      });
    } else {
      f.el = el; f.name = name; f.text = 0; f.link = 0; f.paraChars = 0; f.paras = 0; f.score = 0; f.block = block; f.soft = soft;
      f.blockAt = blockAt; f.own = 0; f.ownLink = 0; f.commas = 0; f.brs = 0; f.vote1 = 0; f.vote2 = 0; f.vote3 = 0; f.vote4 = 0; f.vote5 = 0;
      stack.push(f);
    }
    if (name === "a") linkDepth++;
    if (QUIET.has(name)) quietDepth++;
    // A story may sit in a list item (a feed of stories, a CMS's "story list" of one): an <article> is prose again.
    if (name === "article") {
      quietSaved.push(quietDepth);
      quietDepth = 0;
    }
  };
  const pop = () => {
    const f = stack.pop()!;
    const name = f.name;
    if (name === "a") linkDepth--;
    if (QUIET.has(name)) quietDepth--;
    if (name === "article") quietDepth = quietSaved.pop() ?? 0;
    let own = 0;
    if (f.block && quietDepth === 0 && f.own >= MIN_PARAGRAPH_CHARS && f.ownLink <= MAX_PARAGRAPH_LINK_DENSITY * f.own && !NOT_PARAGRAPH.has(name)) {
      f.paraChars += f.own;
      f.paras += 1 + Math.min(Math.floor(f.brs / 2), Math.floor(f.own / 200));
      own = 1 + f.commas + Math.min(3, Math.floor(f.own / 100));
    }
    f.score = f.vote1 + f.vote2 / DECAY[1] + f.vote3 / DECAY[2] + f.vote4 / DECAY[3] + f.vote5 / DECAY[4];
    const parent = stack[stack.length - 1];
    if (parent && f.soft && f.paraChars < SOFT_KEEP_CHARS) {
      free.push(f);
      return;
    }
    if (parent) {
      parent.text += f.text;
      parent.link += f.link;
      parent.paraChars += f.paraChars;
      parent.paras += f.paras;
      parent.vote5 += f.vote4;
      parent.vote4 += f.vote3;
      parent.vote3 += f.vote2;
      parent.vote2 += f.vote1;
      parent.vote1 += own;
    }
    // The frame itself is the element's stats (its other fields ride along): no copy for every element kept.
    if (f.paraChars > 0 || f.score > 0) out.set(f.el, f);
    else free.push(f);
  };

  push(body, body.localName, false);
  // walkSteps' loop (src/core/walk.ts), written out with the visit in it: this walk meets every node of the page, and
  // in code not yet optimized (a page's first detections) the calls into a visitor for every node were about a tenth
  // of detection (the bench's warm runs, in an A/B of the two in one page).
  let node: Node | null = body.firstChild;
  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const type = node.nodeType;
    if (type === 3) {
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
    } else if (type === 1) {
      const el = node as Element;
      const name = el.localName;
      const kind = classify(el, name);
      if (kind !== SKIP) {
        // The headline's candidates, outside furniture (src/core/article/headline.ts).
        if (name === "h1") metadata.push(el);
        push(el, name, kind === SOFT);
        const child: Node | null = el.firstChild;
        if (child) {
          node = child;
          continue;
        }
        pop();
      } else if (name === "meta" || isJsonLd(el)) metadata.push(el);
    }
    // Climb to the next sibling, leaving the elements we climb out of.
    let next: Node | null = node.nextSibling;
    while (next === null) {
      node = node.parentNode!;
      if (node === body) break;
      pop();
      next = node.nextSibling;
    }
    node = next;
  }
  pop();
  return out;
}

/** Commas of the scripts that write their own: Latin ",", Arabic "،", ideographic "、", fullwidth "，". */
const OTHER_COMMA = /[،、，]/;
const OTHER_COMMAS = /[،、，]/g;

/**
 * Counted natively, without a list of matches: asked of every text node, a global match was a sixth of the walk.
 * Text in Latin script holds no other comma, which one look tells.
 */
function commas(text: string): number {
  let n = 0;
  for (let i = text.indexOf(","); i !== -1; i = text.indexOf(",", i + 1)) n++;
  return OTHER_COMMA.test(text) ? n + text.match(OTHER_COMMAS)!.length : n;
}

/** What the pass over the roots keeps per open element. */
interface InnerFrame {
  el: Element;
  text: number;
  link: number;
  /** A heading is in the subtree. */
  heading: boolean;
  /** A linked headline is in the subtree. */
  headline: boolean;
}

const HEADINGS = new Set(["h2", "h3", "h4", "h5", "h6"]);

/**
 * A linked headline: a heading that is mostly link text, a link around a heading (`f.heading`: one is inside), or a
 * block of a headline's length that is all link (a card's "<td><a>headline</a></td>"). Not a list item: a list of
 * links in the story (sources, bug reports) is no card, and lists of teasers are isTeaserList's.
 */
function isLinkedHeadline(f: InnerFrame, name: string): boolean {
  if (HEADINGS.has(name)) return f.text > 0 && f.link >= 0.8 * f.text;
  if (name === "a") return f.heading && f.el.hasAttribute("href");
  return BLOCK_TAGS.has(name) && !QUIET.has(name) && f.text >= MIN_PARAGRAPH_CHARS && f.text <= MAX_HEADLINE_CHARS && f.link >= f.text;
}

/**
 * A list item that starts with a link of a headline's length and goes on with a sentence of its own: a roundup's
 * entry ("<li><strong><a>WeWork's ousted CEO can still name directors</a>.</strong> He can still influence the
 * company, a report says.</li>"), or a point of the story's own linking its source, whose link outweighs its prose.
 * A menu or a list of links has no sentence beside the link; a list of other stories' teasers is isTeaserList's, whose
 * share of the body tells it from a roundup; a reference list's entries start with a back link ("^").
 */
function isLinkLedItem(f: InnerFrame, name: string): boolean {
  return name === "li" && f.text - f.link >= MIN_PARAGRAPH_CHARS && startsWithLink(f.el);
}

/**
 * A paragraph whose own words come first, a sentence's start before any link, and whose link then outweighs them:
 * "The suspect, Michael Webb, was convicted and <a>sentenced to life in federal prison last Thursday</a>."
 * (nbcdfw.com, extraction 51d066b060…). A "Read more: <a>…</a>" line starts with a short label.
 */
function isProseWithLink(f: InnerFrame, name: string): boolean {
  return name === "p" && f.text - f.link >= MIN_PARAGRAPH_CHARS && firstLink(f.el).at >= MIN_PARAGRAPH_CHARS;
}

/** Whether the element's text starts with its first link's, a link of a paragraph's length at least (isTeaserList's test too). */
function startsWithLink(el: Element): boolean {
  const link = firstLink(el);
  return link.at === 0 && link.length >= MIN_PARAGRAPH_CHARS;
}

/** The element's first link: where its text begins in the element's text (-1: no link with text), and its length. */
function firstLink(el: Element): { at: number; length: number } {
  const link = el.querySelector("a[href]")?.textContent?.trim() ?? "";
  return { at: link ? (el.textContent ?? "").trim().indexOf(link) : -1, length: link.length };
}

/**
 * Another story's teaser inside the body (a whole <main> read as the article holds them): with a linked headline
 * (the caller knows), at most one short paragraph.
 */
function isTeaser(s: Stats | undefined): boolean {
  return !s || (s.paras <= 1 && s.paraChars <= TEASER_MAX_CHARS);
}

/**
 * Whether `el` holds an element of the same tag and classes as `like`, one of the two perhaps with more: a chunk may
 * carry a modifier the others lack ("block-text block-text_initial-letter", the first chunk's drop cap).
 */
function holdsLike(el: Element, like: Element): boolean {
  const names = classesOf(like.getAttribute("class"));
  return Array.from(el.getElementsByTagName(like.localName)).some((d) => {
    const own = classesOf(d.getAttribute("class"));
    if (own.length === 0 || names.length === 0) return own.length === names.length;
    return names.every((n) => own.includes(n)) || own.every((n) => names.includes(n));
  });
}

function classesOf(name: string | null): string[] {
  return name === null ? [] : name.split(/\s+/).filter((n) => n.length > 0);
}

/** Words, not an address or a code: a share box shows the page's URL as long as a paragraph. */
function isSentence(el: Element): boolean {
  return (el.textContent ?? "").trim().split(/\s+/, 8).length >= 8;
}

function headingCount(el: Element): number {
  return el.querySelectorAll("h2, h3, h4, h5, h6").length;
}

function linkDensity(s: { text: number; link: number }): number {
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
 * What inside the chosen body is not the article, found in one post-order
 * pass over the roots: link lists ("read more", tags), containers with no
 * paragraph (bylines, share bars, video and "don't miss" boxes), soft
 * furniture the walk dropped, and the site's quirk selectors.
 */
function* innerBoilerplate(found: Body, quirk: SiteQuirk | null): Steps<Set<Element>> {
  const out = new Set<Element>();
  const { stats } = found;
  for (const root of found.roots) {
    if (quirk?.skip) for (const el of Array.from(root.querySelectorAll(quirk.skip))) out.add(el);
    const rootText = stats.get(root)?.text ?? 0;
    const stack: InnerFrame[] = [{ el: root, text: 0, link: 0, heading: false, headline: false }];
    const pop = () => {
      const f = stack.pop()!;
      const parent = stack[stack.length - 1];
      const name = f.el.localName;
      if (HEADINGS.has(name)) f.heading = true;
      if (isLinkedHeadline(f, name)) f.headline = true;
      // Passed up even from what is left out (a linked headline is link-heavy): its container is the teaser.
      if (parent) {
        parent.heading ||= f.heading;
        parent.headline ||= f.headline;
      }
      if (BLOCK_TAGS.has(name) && f.text > 0 && f.link > MAX_INNER_LINK_DENSITY * f.text && !isLinkLedItem(f, name) && !isProseWithLink(f, name)) out.add(f.el);
      // Bylines, datelines and photo credits: about the story, not in it (and no place for marks).
      else if (f.el !== root && f.text < MAX_META_CHARS && isAboutTheStory(f.el)) out.add(f.el);
      else if (CONTAINERS.has(name) && !stats.has(f.el) && !(LISTS.has(name) && f.text >= 100 && f.link <= 0.2 * f.text)) out.add(f.el);
      // Unless the list is the story (a "ten things to know" roundup is a list of linked headlines too).
      else if (f.el !== root && f.headline && (CONTAINERS.has(name) || name === "article") && isTeaser(stats.get(f.el))) out.add(f.el);
      else if (LISTS.has(name) && f.el !== root && (stats.get(f.el)?.text ?? f.text) < TEASER_LIST_SHARE * rootText && isTeaserList(f.el)) out.add(f.el);
      else if (parent) {
        parent.text += f.text;
        parent.link += name === "a" ? f.text : f.link;
      }
    };
    yield* walkSteps(root, {
      text(node) {
        stack[stack.length - 1]!.text += node.data.trim().length;
      },
      enter(el) {
        if (!innerKept(el, out, found)) return false;
        stack.push({ el, text: 0, link: 0, heading: false, headline: false });
        return true;
      },
      leave: pop,
    });
  }
  return out;
}

/** Whether the inner pass goes into an element: read by the walk, not already out, soft furniture only when it kept prose. */
function innerKept(el: Element, out: Set<Element>, found: Body): boolean {
  const kind = found.classify(el, el.localName);
  return kind !== SKIP && !out.has(el) && (kind !== SOFT || found.stats.has(el));
}

/**
 * Other stories' teasers as a list: each item starts with a linked headline (then, often, a description). A list
 * in the story's own prose links from a few items, or from inside its sentences.
 */
function isTeaserList(list: Element): boolean {
  let items = 0;
  let linked = 0;
  for (const item of Array.from(list.children)) {
    if (item.localName !== "li" && item.localName !== "dt" && item.localName !== "dd") continue;
    items++;
    // A teaser starts with its linked headline.
    if (startsWithLink(item)) linked++;
  }
  return items >= TEASER_LIST_ITEMS && linked >= items * 0.8;
}

function siteQuirk(doc: Document): SiteQuirk | null {
  const host = doc.location?.hostname ?? "";
  if (!host) return null;
  return SITE_QUIRKS.find((q) => host === q.host || host.endsWith(`.${q.host}`)) ?? null;
}
