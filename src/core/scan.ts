import { readSteps, type PageRead, type ReadOptions } from "./read";
import { nameSteps, type FoundNames } from "./names-in-text";
import { drain, type Steps } from "./slices";
import type { CompiledMatcher } from "./mentions/compile";

export { MARKED_TYPES } from "./names-in-text";

/** A whole scan: what the content script reads, and what the background finds in it. */
export type PageScan = PageRead & FoundNames;
export type ScanOptions = ReadOptions;

/** The whole pipeline in node (scan command, evaluations, tests): the same two halves the extension runs apart. */
export function scanDocument(doc: Document, matcher: CompiledMatcher, options: ScanOptions = {}): PageScan {
  return drain(scanSteps(doc, matcher, options));
}

export function* scanSteps(doc: Document, matcher: CompiledMatcher, options: ScanOptions = {}): Steps<PageScan> {
  const read = yield* readSteps(doc, options);
  if (!read.map) return { ...read, mentions: [], unknown: [] };
  yield;
  return { ...read, ...(yield* nameSteps(read.map.text, matcher, read.article.lang ?? undefined, read.article.published)) };
}
