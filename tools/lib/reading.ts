// What the content script's first half (src/core/read.ts) reads from a document, in a form two DOMs can compare:
// bundled into a browser page by parity.ts, and run in node on the CLI's document.
import { readSteps } from "../../src/core/read";
import { drain } from "../../src/core/slices";
import { readableText } from "../../src/core/textmap/textmap";

export interface Reading { isArticle: boolean; title: string | null; published: string | null; text: string }
export const FIELDS = ["isArticle", "title", "published", "text"] as const;
/** How much of the article text is compared: its start, where a different tree shows first. */
export const START = 300;

export function reading(doc: Document): Reading {
  const r = drain(readSteps(doc));
  return { isArticle: r.article.isArticle, title: r.article.title, published: r.article.published, text: r.map ? readableText(r.map.text).slice(0, START) : "" };
}

/** The fields on which two readings differ (text compared with spacing normalized). */
export function differences(a: Reading, b: Reading): (typeof FIELDS)[number][] {
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  return FIELDS.filter((f) => (f === "text" ? norm(a.text) !== norm(b.text) : a[f] !== b[f]));
}
