import { detectSteps, type Article } from "./article/detect";
import { textMapSteps, type TextMap } from "./textmap/textmap";
import type { Steps } from "./slices";

/**
 * The page-side half of a scan: find the article, read its visible text.
 * This is all a page pays for in the content script; names are found from
 * the text elsewhere (see names-in-text.ts), so the knowledge file's size
 * never reaches the page.
 */
export interface PageRead {
  article: Article;
  /** The text to look for names in: null when there is no article and the reader did not ask. */
  map: TextMap | null;
}

export interface ReadOptions {
  /** Read the whole body when no article is found ("Scan this page anyway"). */
  force?: boolean;
  /** Detection's verdict on this document, made a moment ago (content.js's): not made again. */
  detected?: Article | null;
}

export function* readSteps(doc: Document, options: ReadOptions = {}): Steps<PageRead> {
  const article = options.detected ?? (yield* detectSteps(doc));
  const roots = article.roots.length > 0 ? article.roots : options.force && doc.body ? [doc.body] : [];
  if (roots.length === 0) return { article, map: null };
  yield;
  // A forced scan reads the whole body, teasers and all: that is what the reader asked for.
  const map = yield* textMapSteps(roots, article.isArticle ? article.skip : () => false);
  return { article, map };
}
