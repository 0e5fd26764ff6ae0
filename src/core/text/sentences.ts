/**
 * The sentence around a name in an article's text (the text map's, whose
 * blocks are separated by "\n"), for the full entry's "In this article": a
 * reader sees how the article speaks of the entity without going to the page.
 * Pure, so it runs in node under the unit tests.
 */

export interface MentionLine {
  /** The sentence before the name, from its start (or "…" and the last words, when long). */
  before: string;
  /** The name as the article writes it. */
  name: string;
  /** The rest of the sentence after the name. */
  after: string;
}

/** Words that end in a full stop without ending a sentence ("Mr. Lavrov", "Gen. Milley"). */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "pres",
  "jr", "sr", "no", "nos", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "jan", "feb", "mar", "apr", "jun",
  "jul", "aug", "sep", "sept", "oct", "nov", "dec", "hr", "bzw", "nr", "z.b", "ca",
]);

/** Whether a sentence ends at `i` (a ".", "!", "?" or an ideographic full stop, then closing quotes and a space). */
function endsAt(text: string, i: number): number | null {
  const c = text[i];
  if (c === "。" || c === "！" || c === "？") return i + 1;
  if (c !== "." && c !== "!" && c !== "?" && c !== "…") return null;
  let j = i + 1;
  while (j < text.length && /["'”’»)\]]/.test(text[j]!)) j++;
  if (j >= text.length || !/\s/.test(text[j]!)) return null;
  const next = text.slice(j).match(/^\s+(\S)/u)?.[1];
  // A sentence starts with a capital, a digit or an opening quote; "a.m. on Tuesday" goes on.
  if (next !== undefined && !/[\p{Lu}\p{N}"“‘«(¿¡]/u.test(next)) return null;
  if (c === ".") {
    const word = text.slice(0, i).match(/(\S+)$/u)?.[1] ?? "";
    const bare = word.replace(/^["'“‘«(]+/u, "").toLowerCase();
    // An initial ("J. Smith") or a known abbreviation.
    if (/^\p{L}$/u.test(bare) || ABBREVIATIONS.has(bare)) return null;
  }
  return j;
}

/** Cuts `s` to about `max` characters at a word boundary, keeping its start (or, `keepStart` false, its end). */
function clip(s: string, max: number, keepStart: boolean): string {
  if (s.length <= max) return s;
  if (keepStart) {
    const cut = s.slice(0, max);
    const space = cut.lastIndexOf(" ");
    return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
  }
  const cut = s.slice(s.length - max);
  const space = cut.indexOf(" ");
  return `… ${(space >= 0 && space < max / 2 ? cut.slice(space + 1) : cut).trimStart()}`;
}

/**
 * The sentence holding text[start, end), within its block, each side cut to
 * about `max` characters.
 */
export function sentenceAround(text: string, start: number, end: number, max = 160): MentionLine {
  const blockStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end);
  const blockEnd = newline === -1 ? text.length : newline;
  let from = blockStart;
  for (let i = start - 1; i >= blockStart; i--) {
    const after = endsAt(text, i);
    if (after !== null && after <= start) {
      from = after;
      break;
    }
  }
  let to = blockEnd;
  for (let i = end; i < blockEnd; i++) {
    const after = endsAt(text, i);
    if (after !== null) {
      to = Math.min(after, blockEnd);
      break;
    }
  }
  return {
    before: clip(text.slice(from, start).trimStart(), max, false),
    name: text.slice(start, end),
    after: clip(text.slice(end, to).trimEnd(), max, true),
  };
}
