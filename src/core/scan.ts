import { detectSteps, type Article } from "./article/detect";
import { textMapSteps, type TextMap } from "./textmap/textmap";
import { mentionSteps, type Mention } from "./mentions/find";
import { drain, type Steps } from "./slices";
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

export interface ScanOptions {
  /** Scan the whole body when no article is found ("Scan this page anyway"). */
  force?: boolean;
}

/** The whole page-side pipeline, the same in the content script and in node. */
export function scanDocument(doc: Document, matcher: CompiledMatcher, options: ScanOptions = {}): PageScan {
  return drain(scanSteps(doc, matcher, options));
}

/** scanDocument as steps that pause often; the content script runs them in time slices. */
export function* scanSteps(doc: Document, matcher: CompiledMatcher, options: ScanOptions = {}): Steps<PageScan> {
  const article = yield* detectSteps(doc);
  const roots = article.roots.length > 0 ? article.roots : options.force && doc.body ? [doc.body] : [];
  if (roots.length === 0) return { article, map: null, mentions: [], unknown: [] };
  yield;
  // A forced scan reads the whole body, teasers and all: that is what the reader asked for.
  const map = yield* textMapSteps(roots, article.isArticle ? article.skip : () => false);
  yield;
  const known = yield* mentionSteps(map.text, matcher);
  // States are not marked, but "Russia" is not an unknown name either: all known ranges are passed.
  const unknown = yield* unknownSteps(map.text, known);
  return { article, map, mentions: known.filter((m) => MARKED_TYPES.has(m.type)), unknown };
}

/** Characters of text per call of the unknown-name recognizer: a few milliseconds of work, so a slice stays short. */
const UNKNOWN_CHUNK = 16_000;

/**
 * The unknown-name recognizer over blocks of text at a time, so a very long
 * page pauses between them. An article fits in one chunk; on longer pages,
 * what one chunk learns about a name does not carry into the next.
 */
function* unknownSteps(text: string, known: readonly Mention[]): Steps<UnknownName[]> {
  const names: UnknownName[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + UNKNOWN_CHUNK);
    if (end < text.length) {
      const cut = text.lastIndexOf("\n", end);
      end = cut > start ? cut + 1 : end;
    }
    const taken = known.filter((m) => m.end > start && m.start < end).map((m) => ({ start: m.start - start, end: m.end - start }));
    for (const n of findUnknownNames(text.slice(start, end), taken)) names.push({ ...n, start: n.start + start, end: n.end + start });
    start = end;
    yield;
  }
  return names;
}
