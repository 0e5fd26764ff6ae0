import { detectArticle, isBoilerplate, type Article } from "./article/detect";
import { buildTextMap, type TextMap } from "./textmap/textmap";
import { findMentions, type Mention } from "./mentions/find";
import type { CompiledMatcher } from "./mentions/compile";
import type { EntityType } from "./knowledge/types";

/**
 * States are in the knowledge base for briefings, the timeline and search,
 * but not marked: "Russia" fifteen times in one article tells a reader nothing.
 */
export const MARKED_TYPES: ReadonlySet<EntityType> = new Set(["person", "organization"]);

export interface PageScan {
  article: Article;
  map: TextMap | null;
  mentions: Mention[];
}

/** The whole page-side pipeline, the same in the content script and in node. */
export function scanDocument(doc: Document, matcher: CompiledMatcher, options: { force?: boolean; pattern?: RegExp } = {}): PageScan {
  const article = detectArticle(doc);
  const roots = article.roots.length > 0 ? article.roots : options.force && doc.body ? [doc.body] : [];
  if (roots.length === 0) return { article, map: null, mentions: [] };
  const map = buildTextMap(roots, article.isArticle ? article.skip : isBoilerplate);
  const mentions = findMentions(map.text, matcher, options.pattern).filter((m) => MARKED_TYPES.has(m.type));
  return { article, map, mentions };
}
