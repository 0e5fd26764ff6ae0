import { mentionSteps, type Mention } from "./mentions/find";
import { findUnknownNames, type UnknownName } from "./mentions/names";
import { isGerman } from "./mentions/words";
import { creditSpans, inSpans, type Span } from "./text/credits";
import { findOffices, type OfficeOptions } from "./mentions/offices";
import { appositiveAt } from "./mentions/appositive";
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
 * judge German from the text's own function words. `date` is the article's (YYYY-MM-DD): offices named without
 * their holder ("the Ukrainian president") are linked to whoever held them then; without a date, to no one.
 */
export function* nameSteps(text: string, matcher: CompiledMatcher, lang?: string, date?: string | null): Steps<FoundNames> {
  const language = lang ?? languageOf(text);
  const known = yield* mentionSteps(text, matcher, { lang: language });
  // States are not marked, but "Russia" is not an unknown name either: all known ranges are passed.
  // "(AP Photo/…)", "Photograph: Reuters", "MOSCOW (Reuters) —": who made the article, not whom it names.
  const credits = creditSpans(text);
  const unknown = described(text, yield* unknownSteps(text, known, language, credits));
  const marked = known.filter((m) => MARKED_TYPES.has(m.type) && !inSpans(credits, m.start, m.end));
  yield;
  const offices = officeMentions(text, matcher, marked, { date: date ?? null, german: isGerman(text, language), lang }).filter((o) => !inSpans(credits, o.start, o.end));
  if (offices.length === 0) return { mentions: marked, unknown };
  const inOffice = (r: { start: number; end: number }) => offices.some((o) => o.start < r.end && o.end > r.start);
  return {
    mentions: [...marked.filter((m) => !inOffice(m)), ...offices].sort((a, b) => a.start - b.start),
    unknown: unknown.filter((u) => !inOffice(u)),
  };
}

/**
 * Office phrases as mentions of their holder. Where the phrase opens or closes with a marked name ("NATO's
 * secretary general", "the Kremlin spokesman", "the secretary general of NATO"), that name keeps its mark and the
 * office mark is the rest.
 */
function officeMentions(text: string, matcher: CompiledMatcher, marked: readonly Mention[], options: OfficeOptions): Mention[] {
  const index = new Map(matcher.entities.map((e, i) => [e.id, i]));
  const named = marked.map((m) => ({ start: m.start, end: m.end, entity: index.get(m.entityId) ?? -1, person: m.type === "person" }));
  return findOffices(text, matcher.offices, options, named).map((o) => {
    let start = o.start;
    const opener = marked.find((m) => m.start <= start && m.end > start);
    // "NATO's secretary general" → "secretary general"; "Kremlsprecher" has no rest to mark apart and keeps it whole.
    if (opener && opener.end < o.end) start = opener.end + /^(?:['\u2019]s)?[\s-]*/.exec(text.slice(opener.end, o.end))![0].length;
    let end = o.end;
    const closer = marked.find((m) => m.start > start && m.start < end);
    if (closer) end = start + text.slice(start, closer.start).replace(/\s+of\s+(?:the\s+)?$/i, "").length;
    const e = matcher.entities[o.entity]!;
    return { start, end, entityId: e.id, name: e.name, type: e.type, text: text.slice(start, end), office: o.office };
  });
}

/**
 * Each unknown name with the article's own description of it, where one stands beside a mention: the first
 * found for the name, or for the full name a bare surname shortens ("Donfried" after "Karen Donfried, the …").
 */
function described(text: string, names: UnknownName[]): UnknownName[] {
  const about = new Map<string, string>();
  for (const n of names) {
    const said = appositiveAt(text, n.start, n.end);
    if (said && !about.has(n.text)) about.set(n.text, said);
  }
  if (about.size === 0) return names;
  return names.map((n) => {
    let said = about.get(n.text);
    if (!said) for (const [full, s] of about) if (full.endsWith(` ${n.text}`)) said = s;
    return said ? { ...n, about: said } : n;
  });
}

/** nameSteps at once: for node (scan, evaluations, tests). */
export function findNames(text: string, matcher: CompiledMatcher, lang?: string, date?: string | null): FoundNames {
  return drain(nameSteps(text, matcher, lang, date));
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

function* unknownSteps(text: string, known: readonly Mention[], lang: string, credits: readonly Span[]): Steps<UnknownName[]> {
  const names: UnknownName[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + UNKNOWN_CHUNK);
    if (end < text.length) {
      const cut = text.lastIndexOf("\n", end);
      end = cut > start ? cut + 1 : end;
    }
    const taken = known.filter((m) => m.end > start && m.start < end).map((m) => ({ start: m.start - start, end: m.end - start }));
    const mine = credits.filter((c) => c.end > start && c.start < end).map((c) => ({ start: Math.max(0, c.start - start), end: Math.min(end, c.end) - start }));
    for (const n of findUnknownNames(text.slice(start, end), taken, { lang, credits: mine })) names.push({ ...n, start: n.start + start, end: n.end + start });
    start = end;
    yield;
  }
  return names;
}
