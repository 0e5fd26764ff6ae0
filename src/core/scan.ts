import { detectArticle, isBoilerplate, type Article } from "./article/detect";
import { buildTextMap, type TextMap } from "./textmap/textmap";
import { findMentions, type Mention } from "./mentions/find";
import type { CompiledMatcher } from "./mentions/compile";
import { findUnknownNames, type UnknownName } from "./mentions/names";
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
  /** People and organizations the knowledge base does not hold, in document order; never overlapping `mentions`. */
  unknown: UnknownName[];
}

/** The whole page-side pipeline, the same in the content script and in node. */
export function scanDocument(doc: Document, matcher: CompiledMatcher, options: { force?: boolean; pattern?: RegExp } = {}): PageScan {
  const article = detectArticle(doc);
  const root = article.root ?? (options.force ? doc.body : null);
  if (!root) return { article, map: null, mentions: [], unknown: [] };
  const map = buildTextMap(root, isBoilerplate);
  const known = findMentions(map.text, matcher, options.pattern);
  // States are not marked, but "Russia" is not an unknown name either: all known ranges are passed.
  const unknown = findUnknownNames(map.text, known);
  return { article, map, mentions: known.filter((m) => MARKED_TYPES.has(m.type)), unknown };
}
