/**
 * Calendar dates as pages write them: "2021-10-18T23:30:00-07:00", "18 October 2021", "Oct. 18, 2021",
 * "18.10.2021", "Monday 18 October 2021 09.15 BST", "18. Oktober 2021", "18 октября 2021 года", "2021年10月18日".
 *
 * Pure string work, never `Date.parse`: a calendar date read through the local time zone moves a day east of
 * UTC+12 or west of UTC-10, and the publisher's day is the day it printed.
 */

/**
 * Month names and abbreviations (lower case, accents kept and folded), in the form a date writes them (the genitive
 * or partitive where the language inflects: "18 октября", "18 października", "18. lokakuuta"): English, German,
 * French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian, Finnish, Estonian, Romanian, Polish, Czech,
 * Turkish, Russian, Ukrainian. No name stands for two months. Left out: languages that write the year first
 * (Hungarian, Latvian, Lithuanian), and Greek, whose final sigma the fold below would have to handle.
 */
const MONTHS: readonly (readonly string[])[] = [
  ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari", "janeiro", "jaanuar", "ianuarie", "tammikuuta", "stycznia", "ledna", "ocak", "января", "січня"],
  ["february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr", "fév", "febrero", "febbraio", "februari", "fevereiro", "veebruar", "februarie", "helmikuuta", "lutego", "února", "şubat", "февраля", "лютого"],
  ["march", "mar", "märz", "maerz", "marz", "mär", "mars", "marzo", "maart", "mrt", "março", "marts", "märts", "martie", "maaliskuuta", "marca", "března", "mart", "марта", "березня"],
  ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "aprill", "aprilie", "huhtikuuta", "kwietnia", "dubna", "nisan", "апреля", "квітня"],
  ["may", "mai", "mayo", "maggio", "mag", "mei", "maio", "maj", "toukokuuta", "maja", "května", "mayıs", "мая", "травня"],
  ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "juuni", "iunie", "kesäkuuta", "czerwca", "června", "haziran", "июня", "червня"],
  ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "juuli", "iulie", "heinäkuuta", "lipca", "července", "temmuz", "июля", "липня"],
  ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "elokuuta", "sierpnia", "srpna", "ağustos", "августа", "серпня"],
  ["september", "sep", "sept", "septembre", "septiembre", "set", "settembre", "setembro", "septembrie", "syyskuuta", "września", "září", "eylül", "сентября", "вересня"],
  ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "oktoober", "octombrie", "lokakuuta", "października", "října", "ekim", "октября", "жовтня"],
  ["november", "nov", "novembre", "noviembre", "novembro", "noiembrie", "marraskuuta", "listopada", "listopadu", "kasım", "ноября", "листопада"],
  ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "desember", "detsember", "decembrie", "joulukuuta", "grudnia", "prosince", "aralık", "декабря", "грудня"],
];
const MONTH_OF = new Map<string, number>(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
/** The letters month names are written in: a run of them is a word the month patterns may read as a month. */
export const MONTH_LETTERS = [...new Set([...MONTH_OF.keys()].join(""))].sort().join("");

const YEAR = "((?:19|20)\\d{2})";
const DAY = "(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?";
// A word boundary that knows letters beyond ASCII ("März" must not end inside a word). U+0345 is no letter, but it
// folds to one (ι): with the case-insensitive flag these patterns had, the class held it; they keep it.
const L = "(?<![\\p{L}\\d\\u0345])";
const R = "(?![\\p{L}\\d\\u0345])";
/** A word that may be a month: the match is kept only when it is one (`monthMatch`). */
const MONTH = `([${MONTH_LETTERS}]+)\\.?`;

const ISO = /(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/u;
const ISO_COMPACT = /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/u;
/*
 * The two patterns with month names run on the text folded to lower case (`foldForMonths`), not with the `i` flag:
 * V8 compiles a case-insensitive Unicode pattern of a hundred names in milliseconds on its first use (about 10 ms
 * for these two on the bench's machine), and detection pays that on every page; without the flag, about 1 ms. The
 * fold maps exactly the characters the flag let match a letter of these patterns to that letter, one code unit for
 * one, so matches, indices and captures are the same (tests/unit/dates.test.ts checks the fold against the flag for
 * every code point, and Turkish's İ beyond it). The month is read from the folded capture: a name `MONTH_OF` holds.
 *
 * Nor do they hold the names: a word of the names' letters stands for the month, and `monthMatch` keeps the first
 * match whose word is a month name. An alternation of a hundred names cost about 2 ms to compile on its first use
 * (node, this machine), most of the two patterns' cost, on every page whose date is read from its text (a byline, a
 * `<time>`'s text, the title). The matches are the same: the boundary after the month makes the word a whole run of
 * letters either way, so where both read a word it is the same word; and the other words the patterns could read at
 * the same place ("de", a day's "th") are no month.
 */
/** 18 October 2021, 18. Oktober 2021, 18 de octubre de 2021, 18-Oct-2021. */
const DAY_MONTH_YEAR = new RegExp(`${L}${DAY}[\\s\\-]*(?:de\\s+)?${MONTH}${R},?[\\s\\-]*(?:de\\s+)?${YEAR}${R}`, "gu");
/** October 18, 2021 / Oct. 18 2021 / October 18th, 2021. */
const MONTH_DAY_YEAR = new RegExp(`${L}${MONTH}${R}\\s*${DAY},?\\s+${YEAR}${R}`, "gu");
/**
 * What the `i` flag would match to the month patterns' letters: their capitals, and the few characters whose case
 * folding is one of them without being its capital: ſ (s), K (the Kelvin sign, k) and Cyrillic's old letter forms
 * U+1C80–U+1C85. The capitals lower-case to their letter; the others are `OTHER_FOLDS`. One more than the flag:
 * Turkish capitalises i as İ ("18 EKİM 2021"), which the flag left unmatched; it folds to i.
 */
const FOLDS_TO_PATTERN = /[A-PR-WYZÁÄÇÉÍÚÛÜČĚĞŘŚŞŹІАБВГДЕЖЗИКЛМНОПРСТУФЧЮЯ\u0130\u017F\u212A\u1C80-\u1C85]/gu;
const OTHER_FOLDS: Readonly<Record<string, string>> = { "\u0130": "i", "\u017F": "s", "\u1C80": "в", "\u1C81": "д", "\u1C82": "о", "\u1C83": "с", "\u1C84": "т", "\u1C85": "т" };
/** The text as the month patterns read it: each character `/iu` matched to one of their letters, that letter. */
export function foldForMonths(text: string): string {
  return text.replace(FOLDS_TO_PATTERN, (c) => OTHER_FOLDS[c] ?? c.toLowerCase());
}
/** The first match of `pattern` (global) in `folded` whose capture `group` is a month name. */
function monthMatch(pattern: RegExp, folded: string, group: number): RegExpExecArray | null {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
    if (MONTH_OF.has(m[group]!)) return m;
    pattern.lastIndex = m.index + 1;
  }
  return null;
}
/** 18.10.2021 (European order), 18-10-2021. */
const NUMERIC_DMY = /(?<!\d[.\-/]?)(\d{1,2})([.\-])(\d{1,2})\2((?:19|20)\d{2})(?![.\-/]?\d)/u;
/** 10/18/2021 or 18/10/2021: read only when one of the two cannot be a month. */
const NUMERIC_SLASH = /(?<!\d\/?)(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?!\/?\d)/u;
/** 2021年10月18日 (Chinese, Japanese), 2021년 10월 18일 (Korean). */
const CJK = /((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u;

/** YYYY-MM-DD for a valid day of the Gregorian calendar, else null. */
export function day(year: number, month: number, date: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2099 || month < 1 || month > 12 || date < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (date > days) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

/**
 * A value meant to be a date (a meta tag's content, JSON-LD, a `datetime` attribute): ISO 8601 first, then the
 * written forms. The day as written, whatever time zone the value names.
 */
export function parseDateValue(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  const iso = /^((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?![\d])/.exec(s);
  if (iso) return day(+iso[1]!, +iso[2]!, +iso[3]!);
  return findDateInText(s);
}

/** The first date written in a piece of text ("Published Monday 18 October 2021 09.15 BST"), or null. */
export function findDateInText(text: string): string | null {
  // Every pattern needs a year: without one, the month patterns (compiled on first use, about a millisecond) are not run.
  if (!text || !/(?:19|20)\d{2}/.test(text)) return null;
  const hits: { at: number; day: string }[] = [];
  const add = (m: RegExpExecArray | null, read: (m: RegExpExecArray) => string | null) => {
    if (!m) return;
    const d = read(m);
    if (d) hits.push({ at: m.index, day: d });
  };
  add(ISO.exec(text), (m) => day(+m[1]!, +m[2]!, +m[3]!));
  add(CJK.exec(text), (m) => day(+m[1]!, +m[2]!, +m[3]!));
  const folded = foldForMonths(text);
  add(monthMatch(DAY_MONTH_YEAR, folded, 2), (m) => day(+m[3]!, MONTH_OF.get(m[2]!)!, +m[1]!));
  add(monthMatch(MONTH_DAY_YEAR, folded, 1), (m) => day(+m[3]!, MONTH_OF.get(m[1]!)!, +m[2]!));
  add(NUMERIC_DMY.exec(text), (m) => day(+m[4]!, +m[3]!, +m[1]!));
  add(NUMERIC_SLASH.exec(text), (m) => {
    const a = +m[1]!, b = +m[2]!;
    if (a > 12 && b <= 12) return day(+m[3]!, b, a);
    if (b > 12 && a <= 12) return day(+m[3]!, a, b);
    return null; // 05/06/2021: May or June depends on the country, and a wrong day is worse than none.
  });
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.at - b.at);
  return hits[0]!.day;
}

/** A date in a page address: /2021/10/18/, /2021-10-18/, /20211018/, -20211018-. */
export function findDateInUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url, "https://x.invalid/").pathname;
  } catch {
    return null;
  }
  const slashed = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/\-_.]|$)/.exec(path);
  if (slashed) return day(+slashed[1]!, +slashed[2]!, +slashed[3]!);
  const compact = ISO_COMPACT.exec(path);
  if (compact && /[/\-_]/.test(path[compact.index - 1] ?? "") && /^(?:[/\-_.]|$)/.test(path[compact.index + 8] ?? "")) {
    return day(+compact[1]!, +compact[2]!, +compact[3]!);
  }
  return null;
}
