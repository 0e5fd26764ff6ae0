// Saved pages as a browser reads them, for the node commands, the evaluations and the unit tests.
//
// The tree is built by parse5, which implements the HTML standard's tree construction (the one browsers run): IE
// conditional comments around <html>, several <html> or <body> tags, misnested formatting, tables with stray
// content all land where a browser puts them. linkedom's own parser (htmlparser2) does not: on such pages it
// leaves an empty <body>. The nodes are linkedom's, a small DOM the core code runs on unchanged.
import { readFileSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { parseHTML } from "linkedom";

type P5Node = DefaultTreeAdapterMap["node"];
type P5Parent = DefaultTreeAdapterMap["parentNode"];
type P5Element = DefaultTreeAdapterMap["element"];

/** An input the commands cannot read: its message is one line, for the user. */
export class ReadError extends Error {}

const HTML_NS = "http://www.w3.org/1999/xhtml";

/**
 * The DOM standard's document order for compareDocumentPosition. linkedom orders two nodes by their depth alone (any
 * node deeper in the tree "precedes" a shallower one), so that code asking whether one element comes after another
 * (the headline's look past the first paragraph, the date search's element limit) read otherwise than in a browser.
 */
const [DISCONNECTED, PRECEDING, FOLLOWING, CONTAINS, CONTAINED_BY, IMPLEMENTATION_SPECIFIC] = [1, 2, 4, 8, 16, 32];
function documentPosition(this: Node, other: Node): number {
  if (this === other) return 0;
  const chain = (n: Node) => {
    const out: Node[] = [];
    for (let at: Node | null = n; at; at = at.parentNode) out.unshift(at);
    return out;
  };
  const a = chain(this), b = chain(other);
  if (a[0] !== b[0]) return DISCONNECTED | IMPLEMENTATION_SPECIFIC | FOLLOWING;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length) return FOLLOWING | CONTAINED_BY;
  if (i === b.length) return PRECEDING | CONTAINS;
  const siblings = Array.from(a[i - 1]!.childNodes);
  return siblings.indexOf(a[i] as ChildNode) < siblings.indexOf(b[i] as ChildNode) ? FOLLOWING : PRECEDING;
}
const { Node } = parseHTML("<!DOCTYPE html><html></html>") as unknown as { Node: typeof globalThis.Node };
Node.prototype.compareDocumentPosition = documentPosition;

/** A Document from HTML text, built as a browser builds it. */
export function parseDocument(html: string): Document {
  const tree = parse(html, { scriptingEnabled: true });
  const { document } = parseHTML("<!DOCTYPE html><html><head></head><body></body></html>");
  const doc = document as unknown as Document;
  const root = doc.documentElement;
  while (root.firstChild) root.removeChild(root.firstChild);
  const htmlEl = tree.childNodes.find((n): n is P5Element => n.nodeName === "html");
  if (htmlEl) {
    copyAttributes(htmlEl, root);
    // parse5's <html> always holds <head> and <body>: build into the document's own element.
    build(doc, htmlEl, root);
  }
  return doc;
}

/** Iterative: pages nest deeper than the call stack allows. */
function build(doc: Document, from: P5Parent, into: Node): void {
  const stack: { from: P5Parent; into: Node; at: number }[] = [{ from, into, at: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node: P5Node | undefined = top.from.childNodes[top.at++];
    if (!node) {
      stack.pop();
      continue;
    }
    if (node.nodeName === "#text") top.into.appendChild(doc.createTextNode((node as DefaultTreeAdapterMap["textNode"]).value));
    else if (node.nodeName === "#comment") top.into.appendChild(doc.createComment((node as DefaultTreeAdapterMap["commentNode"]).data));
    else if ("tagName" in node) {
      const el = node.namespaceURI === HTML_NS ? doc.createElement(node.tagName) : doc.createElementNS(node.namespaceURI, node.tagName);
      copyAttributes(node, el);
      top.into.appendChild(el);
      // A <template>'s content is a separate fragment, outside the tree, as in a browser: not built.
      if (node.tagName !== "template" && node.childNodes.length > 0) stack.push({ from: node, into: el, at: 0 });
    }
  }
}

function copyAttributes(from: P5Element, to: Element): void {
  for (const { name, value, prefix } of from.attrs) {
    try {
      to.setAttribute(prefix ? `${prefix}:${name}` : name, value);
    } catch {
      // A name the DOM refuses ("<div a<b>") is one a browser keeps but no code here reads.
    }
  }
}

/**
 * The page's encoding: a byte order mark; else UTF-8 when the bytes are valid UTF-8 (saved copies are often
 * re-encoded to UTF-8 and keep the original's <meta charset>, and legacy-encoded text is almost never valid UTF-8);
 * else the <meta charset> near the top, as a browser without HTTP headers would.
 */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the page says what it is.
  }
  const head = bytes.subarray(0, 1024).toString("latin1");
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (label && !/^utf-?8$/i.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // A label no decoder knows: UTF-8, as the rest of the corpus.
    }
  }
  return bytes.toString("utf8");
}

/** Tags that make a text an HTML page (one of them near the top). */
const LOOKS_HTML = /<(?:!doctype\s+html|html|head|body|title|meta|link|div|p|article|main|section|span|a|h[1-6]|table|script|style|header|nav)[\s>/]/i;

/** The text of a saved page (.html, or gzipped .html.gz), or a ReadError saying why it is not one. */
export function readHtml(file: string): string {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw new ReadError(`${file}: is a folder, not a page`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReadError(code === "ENOENT" ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(e)})`);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new ReadError(`${file}: a broken gzip file`);
    }
  } else if (file.endsWith(".gz")) {
    throw new ReadError(`${file}: named .gz but not gzipped`);
  }
  if (bytes.length === 0 || bytes.toString("utf8").trim() === "") throw new ReadError(`${file}: is empty`);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) throw new ReadError(`${file}: binary data, not an HTML page`);
  const html = decode(bytes);
  if (!LOOKS_HTML.test(html.slice(0, 65_536))) throw new ReadError(`${file}: not an HTML page (no HTML tags near its start)`);
  return html;
}

/** A saved page as a Document (see readHtml for what it refuses). */
export function readDocument(file: string): Document {
  return parseDocument(readHtml(file));
}

/** For a command's entry: the page, or one line on stderr and exit code 2. */
export function readDocumentOrExit(file: string, command: string): Document {
  try {
    return readDocument(file);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    console.error(`${command}: ${e.message}`);
    process.exit(2);
  }
}
