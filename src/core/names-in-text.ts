import { mentionSteps, type Mention } from "./mentions/find";
import { findUnknownNames, type UnknownName } from "./mentions/names";
import { isGerman } from "./mentions/words";
import { creditSpans, inSpans } from "./text/credits";
import type { CompiledMatcher } from "./mentions/compile";
import type { EntityType } from "./knowledge/types";
import { drain, type Steps } from "./slices";

/**
 * States are in the knowledge base for briefings, the timeline and search,
 * but not marked: "Russia" fifteen times in one article tells a reader nothing.
 */
export const MARKED_TYPES: ReadonlySet<EntityType> = new Set(["person", "organization"]);

/** The names in an article's text: known entities to mark, and names the knowledge base does not hold. */
export interface FoundNames {
  mentions: Mention[];
  /** People and organizations the knowledge base does not hold, in text order; never overlapping `mentions`. */
  unknown: UnknownName[];
}

/**
 * `lang` is the page's language where known (the scan has article.lang); without it, both halves
 * judge German from the text's own function words.
 */
export function* nameSteps(text: string, matcher: CompiledMatcher, lang?: string): Steps<FoundNames> {
  const known = yield* mentionSteps(text, matcher, { lang: lang ?? languageOf(text) });
  // States are not marked, but "Russia" is not an unknown name either: all known ranges are passed.
  const unknown = yield* unknownSteps(text, known, lang ?? languageOf(text));
  // "(AP Photo/…)", "Photograph: Reuters", "MOSCOW (Reuters) —": who made the article, not whom it names.
  // (The unknown-name recognizer leaves them out itself.)
  const credits = creditSpans(text);
  return { mentions: known.filter((m) => MARKED_TYPES.has(m.type) && !inSpans(credits, m.start, m.end)), unknown };
}

/** nameSteps at once: for node (scan, evaluations, tests). */
export function findNames(text: string, matcher: CompiledMatcher, lang?: string): FoundNames {
  return drain(nameSteps(text, matcher, lang));
}

/** Characters of text per call of the unknown-name recognizer: a few milliseconds of work, so a slice stays short. */
const UNKNOWN_CHUNK = 16_000;

/**
 * The unknown-name recognizer over blocks of text at a time, so a very long
 * page pauses between them. An article fits in one chunk; on longer pages,
 * what one chunk learns about a name does not carry into the next.
 */
/** Decided once for the whole text, so every chunk of a long page reads it in the same language. */
function languageOf(text: string): string {
  return isGerman(text) ? "de" : "en";
}

function* unknownSteps(text: string, known: readonly Mention[], lang: string): Steps<UnknownName[]> {
  const names: UnknownName[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + UNKNOWN_CHUNK);
    if (end < text.length) {
      const cut = text.lastIndexOf("\n", end);
      end = cut > start ? cut + 1 : end;
    }
    const taken = known.filter((m) => m.end > start && m.start < end).map((m) => ({ start: m.start - start, end: m.end - start }));
    for (const n of findUnknownNames(text.slice(start, end), taken, { lang })) names.push({ ...n, start: n.start + start, end: n.end + start });
    start = end;
    yield;
  }
  return names;
}
