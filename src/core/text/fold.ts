/**
 * Length-preserving text folding for matching: every UTF-16 unit maps to
 * exactly one, so an offset in the folded text is the same offset in the
 * original. Diacritics go (Erdoğan → Erdogan), dashes become "-", curly
 * quotes straight, and every kind of space a plain space — except "\n",
 * which the text map reserves for block boundaries.
 */

const SPECIAL: Record<string, string> = {
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u02BC": "'", "\u2032": "'",
  "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u00AB": '"', "\u00BB": '"',
  "\u0141": "L", "\u0142": "l", "\u00D8": "O", "\u00F8": "o", "\u0110": "D", "\u0111": "d",
  "\u0131": "i", "\u00DF": "s", "\u00C6": "A", "\u00E6": "a", "\u0152": "O", "\u0153": "o",
};

const cache = new Map<string, string>();

function foldChar(c: string): string {
  const special = SPECIAL[c];
  if (special !== undefined) return special;
  if (c === "\n") return c;
  if (c <= "\u007F") return /\s/.test(c) ? " " : c;
  let folded = cache.get(c);
  if (folded === undefined) {
    if (/\s/.test(c)) folded = " ";
    else {
      const base = c.normalize("NFD")[0] ?? c;
      // Keep characters whose decomposition is not a base letter plus marks (e.g. CJK).
      folded = base.length === 1 && base !== c && /[\p{L}]/u.test(base) ? base : c;
    }
    cache.set(c, folded);
  }
  return folded;
}

/** What folding may change: anything but printable ASCII, the space and the block boundary "\n". */
const NOT_PLAIN = /[^\x20-\x7E\n]/g;

/**
 * Fold a text for matching; the result has the same length as the input. The pattern finds the few characters to
 * fold: a loop over every character cost more, in V8's first tiers, than the native search.
 */
export function foldText(text: string): string {
  return text.replace(NOT_PLAIN, foldChar);
}

/** A key for comparing names: folded, lower-case, single-spaced, no spaces around a mark. */
export function foldName(name: string): string {
  // Spaces around a mark do not count: "NATO – Russia" is "NATO-Russia", "J. Trump" is "J.Trump".
  return foldText(name).toLowerCase().replace(/ +/g, " ").replace(/ ?([^\p{L}\p{N}_ ]) ?/gu, "$1").trim();
}

/** Characters that sit inside words without being seen: soft hyphens, zero-width spaces and joiners, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/**
 * The text without invisible characters ("Vladi\u00ADmir" is "Vladimir"), with
 * the ways between its offsets and the original's. Folding keeps every unit,
 * so these are removed here, only when a text has them.
 */
export function withoutInvisible(text: string): { text: string; toOriginal: (i: number) => number; fromOriginal: (i: number) => number } {
  const kept: number[] = [];
  const before = new Int32Array(text.length + 1); // kept characters before each original offset
  let out = "";
  for (let i = 0; i < text.length; i++) {
    before[i] = kept.length;
    if (INVISIBLE.test(text[i]!)) continue;
    kept.push(i);
    out += text[i];
  }
  before[text.length] = kept.length;
  return { text: out, toOriginal: (i) => (i < kept.length ? kept[i]! : text.length), fromOriginal: (i) => before[Math.min(i, text.length)]! };
}

/** Characters beyond ASCII that news text often has and that are no letter, digit or surrogate: dashes, "…", "€", "©". */
const COMMON_NOT_WORD = /[^\x00-\x7F\u2013\u2014\u2015\u2026\u20AC\u00A3\u00B0\u00A9\u2022\u00B7\u00AE\u2122\u00A7]/;
/** A letter or digit beyond ASCII, or a character beyond the BMP (or half of one). */
const BEYOND_ASCII = /(?=[^\x00-\x7F])[\p{L}\p{N}\u{10000}-\u{10FFFF}\uD800-\uDFFF]/u;

/**
 * Whether every letter and digit of `text` is ASCII and it has no character beyond the BMP: then a pattern's
 * Unicode classes (\p{L}, \p{Lu}, \p{N}, with the flag "u") match what ASCII classes without the flag match, and
 * the matchers use those, which V8 runs several times faster. Most folded texts are so (folding drops diacritics).
 */
export function asciiWords(text: string): boolean {
  return !COMMON_NOT_WORD.test(text) || !BEYOND_ASCII.test(text);
}
