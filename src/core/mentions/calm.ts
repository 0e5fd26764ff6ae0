import type { Heading } from "../textmap/textmap";

/**
 * A calm page: each name marked at its first mention in each section, not
 * every time. A section is the article's text from one heading to the next,
 * so a reader who skips ahead still finds a name marked where they land.
 * The headline and the kicker above it are left unmarked: they repeat what
 * the body names, in large type, where a mark is loudest.
 */

/** A kicker is a short line above the headline; more text than this before the first h1 is not one. */
export const MAX_KICKER_CHARS = 200;

export interface Span {
  start: number;
  end: number;
}

/** The headline and its kicker: from the text's start (or the h1's, past a long preamble) to the first h1's end; null without an h1 first among the headings. */
export function headline(headings: readonly Heading[]): Span | null {
  const first = headings[0];
  if (!first || first.level !== 1) return null;
  return { start: first.start <= MAX_KICKER_CHARS ? 0 : first.start, end: first.end };
}

/** Section index of each offset: the count of headings (after the headline) starting at or before it. */
function sectionOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For each mark (in text order), whether it is painted: the first of its key
 * in its section, outside the headline. `every` paints all of them, the
 * headline's included.
 */
export function calmMarks<T extends Span>(marks: readonly T[], key: (mark: T) => string, headings: readonly Heading[], every = false): boolean[] {
  if (every) return marks.map(() => true);
  const head = headline(headings);
  const starts = headings.filter((h) => h !== headings[0] || head === null).map((h) => h.start);
  const seen = new Set<string>();
  return marks.map((m) => {
    if (head !== null && m.start < head.end && m.end > head.start) return false;
    const id = `${sectionOf(starts, m.start)}\u0000${key(m)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
