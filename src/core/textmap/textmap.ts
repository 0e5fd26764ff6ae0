import { drain, type Steps } from "../slices";
import { walkSteps, type WalkVisitor } from "../walk";

/**
 * The visible text of an element as one string, with a way back from any
 * offset to the text node it came from. Each text node contributes its text
 * with every whitespace character turned into a plain space (same length, so
 * offsets stay exact); block boundaries become "\n", so no match spans two
 * paragraphs, list items, headings or cells.
 */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i]'s first character in `text`. */
  starts: number[];
  /** The headings (h1–h6) read, in text order: where sections begin, and where the headline is. */
  headings: Heading[];
}

/** A heading's text in the map: [start, end) and its level (1 for h1). */
export interface Heading {
  start: number;
  end: number;
  level: number;
}

const HEADING = /^h([1-6])$/;

/** Never read: not prose, or not ours to touch. */
const SKIP_TAGS = new Set([
  "script", "style", "noscript", "template", "textarea", "input", "select", "option", "button",
  "code", "pre", "kbd", "samp", "var", "svg", "math", "iframe", "object", "embed", "canvas",
  "video", "audio", "head", "title", "meta", "link",
]);

export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "section", "summary", "table",
  "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "br", "body", "html", "center",
]);

export type SkipElement = (el: Element) => boolean;

/** The attributes isNeverMarked() reads (tests/unit/article.test.ts checks it reads no other): detection's classify() reads them only where an element carries one. */
export const NEVER_MARKED_ATTRIBUTES: ReadonlySet<string> = new Set(["hidden", "contenteditable", "aria-hidden"]);

/** Elements whose text is never ours to mark, whatever the page. */
export function isNeverMarked(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (el.hasAttribute("hidden")) return true;
  const editable = el.getAttribute("contenteditable");
  if (editable !== null && editable !== "false") return true;
  return el.getAttribute("aria-hidden") === "true";
}

/** Several roots (an article body split around an ad, say) read in the order given, a block apart. */
export function buildTextMap(roots: Element | readonly Element[], skip: SkipElement = () => false): TextMap {
  return drain(textMapSteps(roots, skip));
}

/** buildTextMap as steps that pause every few hundred nodes. */
export function* textMapSteps(roots: Element | readonly Element[], skip: SkipElement = () => false): Steps<TextMap> {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const headings: Heading[] = [];
  /** The heading being read, if any (headings do not nest). */
  let open: { el: Element; heading: Heading } | null = null;
  let length = 0;
  let lastChar = "\n";
  const separate = () => {
    if (lastChar !== "\n") {
      parts.push("\n");
      length += 1;
      lastChar = "\n";
    }
  };

  const isBlock = (n: Node) => n.nodeType === 1 && BLOCK_TAGS.has((n as Element).localName);
  const visit: WalkVisitor = {
    text(node) {
      const data = node.data;
      if (data.length === 0) return;
      nodes.push(node);
      starts.push(length);
      const spaced = data.replace(/\s/g, " ");
      parts.push(spaced);
      length += spaced.length;
      lastChar = spaced[spaced.length - 1]!;
    },
    enter(el) {
      if (isNeverMarked(el) || skip(el)) return false;
      if (isBlock(el)) separate();
      const level: RegExpExecArray | null = open === null && el.firstChild ? HEADING.exec(el.localName) : null;
      if (level) open = { el, heading: { start: length, end: length, level: Number(level[1]) } };
      return true;
    },
    leave(el) {
      if (open !== null && el === open.el) {
        open.heading.end = length;
        if (length > open.heading.start) headings.push(open.heading);
        open = null;
      }
      if (isBlock(el)) separate();
    },
  };
  // The text is joined a step's worth at a time: joined once at the end, one piece per text node, a page of 3 million
  // characters made that one step of up to 81 ms in Firefox (docs/decisions/004-time-slices.md).
  const joined: string[] = [];
  const join = () => {
    joined.push(parts.join(""));
    parts.length = 0;
  };
  for (const root of Array.isArray(roots) ? (roots as readonly Element[]) : [roots as Element]) {
    separate();
    const walk = walkSteps(root, visit);
    while (!walk.next().done) {
      join();
      yield;
    }
  }
  join();
  return { text: joined.join(""), nodes, starts, headings };
}

/** The text node and offset in it for a text offset. */
export function locate(map: TextMap, offset: number): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = map.starts.length - 1;
  if (hi < 0) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = map.nodes[lo]!;
  return { node, offset: Math.min(offset - map.starts[lo]!, node.data.length) };
}

/** Readable text: runs of spaces collapsed, blocks as paragraphs. */
export function readableText(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/ +/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n\n");
}
