import { asciiWords, foldName, foldText, hasInvisible, withoutInvisible } from "../text/fold";
import type { CompiledMatcher } from "./compile";
import type { EntityType } from "../knowledge/types";
import { opensLongerName } from "./names";
import { FIRST_NAMES, isGerman } from "./words";
import { drain, type Steps } from "../slices";

export interface Mention {
  /** Offsets into the text searched, end exclusive. */
  start: number;
  end: number;
  entityId: string;
  name: string;
  type: EntityType;
  /** The text as written on the page. */
  text: string;
  /**
   * Set when the text names an office, not the person ("Russia's foreign minister"): the office key. The entity is
   * whoever held it on the article's date.
   */
  office?: string;
}

/**
 * Titles that, right before an ambiguous name, say it is the person meant:
 * "Foreign Minister Maas", "Kremlin spokesman Peskov", "Sir Keir"; German
 * office titles are compounds ending in the office ("Kremlsprecher Peskow",
 * "Verteidigungsminister Pistorius"). The text is folded: "ä" is "a".
 */
const TITLE_BEFORE = new RegExp(
  "(?:(?:^|[^\\p{L}])(?:President|Chancellor|Minister|Secretary|Secretary[- ]General|Premier|Prime Minister|" +
    "[Ss]pokes(?:man|woman|person)|Ambassador|Director|Envoy|Commissioner|General|Gen|Admiral|Adm|Senator|Sen|Rep|Representative|Governor|Mayor|" +
    "Mr|Mrs|Ms|Dr|Lord|Lady|Sir|Dame|Colonel|Col|Lieutenant|Lt|Major|Maj|Captain|Capt|Commander|Cmdr|Marshal|Sergeant|Sgt)|" +
    "(?:^|[^\\p{L}])\\p{Lu}\\p{Ll}*(?:kanzler|minister|sprecher|prasident|chef|sekretar|botschafter)(?:in)?|" +
    // A party's or body's office as a hyphenated compound: "CDU-Chef Merz", "CDU-Ausenpolitiker Rottgen", "SPD-Generalsekretar Kuhnert".
    "(?:^|[^\\p{L}])[\\p{L}]+-(?:\\p{Lu}\\p{Ll}*)?(?:[Cc]hef|[Vv]orsitzende|[Gg]eneralsekretar|[Pp]olitiker|[Ss]pitzenkandidat|[Mm]inister|[Ss]precher)(?:in|r|n)?|" +
    "(?:^|[^\\p{L}])(?:Herr|Frau|Kanzler|Kanzlerin|Ministerin|Prasident|Prasidentin|Sprecher|Sprecherin))\\.? +$",
  "u",
);

/**
 * An office of a country or body, then a comma, right before a name: "Verteidigungsministerin von Litauen, Sakaliene"
 * (a Deutschlandfunk caption), "the Minister of Defence of Lithuania, Sakaliene".
 */
const TITLE_OF_BEFORE = /(?:^|[^\p{L}])\p{L}*(?:[Mm]inister|[Pp]resident|[Pp]rasident|[Ss]ecretary|[Ss]precher|[Ss]pokes(?:man|woman|person)|[Kk]anzler|[Cc]hancellor)(?:in)? (?:von|of|der|des)(?: \p{Lu}[\p{L}-]*| of| the){1,3}, $/u;

/** Titles an alias may open with ("Sen. John McCain", "Sir Keir Starmer"): the mark starts after them. */
const LEADING_TITLE = /^(?:sir|dame|lord|lady|sen|rep|gen|adm|dr|mr|mrs|ms|president|prime minister|col|lt|maj|capt)$/;

/** A suffix that makes the name someone else's: "Donald Trump Jr." is not Donald Trump. */
const GENERATION_AFTER = /^,? (?:Jr|Sr|II|III|IV)(?![\p{L}\p{N}])/u;

export interface MatchOptions {
  /** The page's language (`article.lang`); without it the text's own function words decide. */
  lang?: string;
}

/**
 * Finds the known entities named in `text`, in document order, one entry per
 * marked range. A context alias links only to an entity already named by a
 * plain alias earlier in the same text, or after a title.
 */
export function findMentions(text: string, matcher: CompiledMatcher, options: MatchOptions = {}): Mention[] {
  return drain(mentionSteps(text, matcher, options));
}

/** Words read between pauses. */
const WORDS_PER_STEP = 5000;

/**
 * findMentions as steps that pause every few thousand words. The text is read
 * word by word; a word that begins some alias form is tried against those
 * forms, longest first, so "NATO-Russia Council" wins over "NATO". Soft
 * hyphens and zero-width characters are read past ("Vladi\u00ADmir Putin"),
 * offsets stay the page's.
 */
export function* mentionSteps(text: string, matcher: CompiledMatcher, options: MatchOptions = {}): Steps<Mention[]> {
  const german = isGerman(text, options.lang);
  if (!hasInvisible(text)) return yield* visibleSteps(text, matcher, german);
  const { text: visible, toOriginal } = withoutInvisible(text);
  const found = yield* visibleSteps(visible, matcher, german);
  return found.map((m) => {
    const start = toOriginal(m.start);
    const end = toOriginal(m.end - 1) + 1;
    return { ...m, start, end, text: text.slice(start, end) };
  });
}

function* visibleSteps(text: string, matcher: CompiledMatcher, german: boolean): Steps<Mention[]> {
  const folded = foldText(text);
  const mentions: Mention[] = [];
  const introduced = new Map<number, number>(); // entity → position of its latest plain mention
  const words = candidateWords(matcher)[asciiWords(folded) ? 1 : 0];
  /** Context aliases named before anything introduced them: "Pistorius: …" heading an article that names him later. */
  const pending: { start: number; end: number; owners: [number, 0 | 1][] }[] = [];
  words.lastIndex = 0;
  let read = 0;
  for (let w = words.exec(folded); w !== null; w = words.exec(folded)) {
    // "Phone" of "iPhone", "the" of "bathe": not a word's start.
    if (wordCharBefore(folded, w.index)) continue;
    if (++read % WORDS_PER_STEP === 0) yield;
    let first = w[0];
    let forms = formsOf(matcher, first);
    // German genitive: "Putins", "Selenskyjs" name Putin and Selenskyj.
    if (!forms && german && GENITIVE.test(first)) forms = formsOf(matcher, (first = first.slice(0, -1)));
    // "des Bundestages": the genitive -es after a consonant.
    if (!forms && german && /[^aeiouy]es$/i.test(w[0])) forms = formsOf(matcher, (first = w[0].slice(0, -2)));
    if (!forms) continue;
    const at = w.index;
    const match = matchForm(folded, at, first, forms, german);
    if (!match) continue;
    if (first !== w[0] && match.end !== at + first.length) continue;
    const owners = matcher.aliases[match.key];
    if (!owners || (!german && germanOnly(matcher).has(match.key))) continue;
    const { end, start } = match;
    if (opensLongerName(folded, end) || GENERATION_AFTER.test(folded.slice(end, end + 6))) continue;
    if (owners.every(([i, context]) => context || (matcher.entities[i]!.type === "person" && !match.key.includes(" "))) && namesSomeoneElse(folded, start)) continue;
    // "der Frauen Union", "the Soviet Union": an organization's context alias closing a longer capitalised name is not it.
    if (owners.every(([i, context]) => context && matcher.entities[i]!.type === "organization") && closesLongerName(folded, start)) continue;
    // "CDU-Chef", "AfD-Vorsitzende", "SPD-Generalsekretar": in German, a name opening a compound of a party's or body's
    // office is that party or body, as a title before a person's name says who is meant.
    const headed = german && owners.length === 1 && matcher.entities[owners[0]![0]]!.type === "organization" && BODY_COMPOUND.test(folded.slice(end, end + 30));
    const entity = headed ? owners[0]![0] : resolve(owners, introduced, folded, start);
    if (entity === undefined) {
      // Only a person's surname waits: not a given name ("Elizabeth" of "Elizabeth Warren" is not the Queen's), not one
      // opening a longer name, not a body's short name ("Republicans" for the party's members).
      if (!/^ ?\p{Lu}/u.test(folded.slice(end, end + 2)) && !FIRST_NAMES.has(match.key) && owners.every(([i]) => matcher.entities[i]!.type === "person")) pending.push({ start, end, owners });
      continue;
    }
    words.lastIndex = end;
    // A name that can mean only this entity (a plain alias, or a context alias after a title)
    // introduces it: "Foreign Minister Maas said … Maas added".
    if (owners.length === 1) introduced.set(entity, start);
    const e = matcher.entities[entity]!;
    mentions.push({ start, end, entityId: e.id, name: e.name, type: e.type, text: text.slice(start, end) });
  }
  return pending.length ? withLaterIntroduced(text, matcher, mentions, pending, introduced) : mentions;
}

/**
 * A context alias before any introduction links to the entity the text introduces later: headlines, standfirsts
 * and captions name people by surname before the body gives the full name ("Pistorius: …", "die Präsidenten
 * Steinmeier und Selenskyj" ahead of "Bundespräsident Frank-Walter Steinmeier"). Of several such entities, the
 * one introduced first after it, in a later block; never where a mark already covers the words.
 */
function withLaterIntroduced(text: string, matcher: CompiledMatcher, mentions: Mention[], pending: { start: number; end: number; owners: [number, 0 | 1][] }[], introduced: Map<number, number>): Mention[] {
  const firstIntroduced = new Map<number, number>();
  const wanted = new Set(pending.flatMap((p) => p.owners.map(([entity]) => entity)).filter((entity) => introduced.has(entity)));
  if (wanted.size === 0) return mentions;
  const ids = new Map([...wanted].map((entity) => [matcher.entities[entity]!.id, entity]));
  for (const m of mentions) {
    const entity = ids.get(m.entityId);
    if (entity !== undefined && !firstIntroduced.has(entity)) firstIntroduced.set(entity, m.start);
  }
  const added: Mention[] = [];
  for (const p of pending) {
    let best: number | undefined;
    let bestAt = Infinity;
    for (const [entity] of p.owners) {
      const at = firstIntroduced.get(entity);
      if (at !== undefined && at > p.start && at < bestAt) (best = entity), (bestAt = at);
    }
    // Only from a block before the one introducing it: a headline, standfirst or caption. Within one paragraph, a
    // surname before the full name is someone or something else ("Maas is a river. Heiko Maas spoke.").
    if (best !== undefined && !text.slice(p.end, bestAt).includes("\n")) continue;
    if (best === undefined || mentions.some((m) => m.start < p.end && m.end > p.start) || added.some((m) => m.start < p.end && m.end > p.start)) continue;
    const e = matcher.entities[best]!;
    added.push({ start: p.start, end: p.end, entityId: e.id, name: e.name, type: e.type, text: text.slice(p.start, p.end) });
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

const germanOnlyKeys = new WeakMap<CompiledMatcher, ReadonlySet<string>>();
function germanOnly(matcher: CompiledMatcher): ReadonlySet<string> {
  let keys = germanOnlyKeys.get(matcher);
  if (!keys) germanOnlyKeys.set(matcher, (keys = new Set(matcher.germanOnly ?? [])));
  return keys;
}

/** The head of a German compound that makes its first part a party or body: "-Chef", "-Vorsitzende", "-Fraktion". */
const BODY_COMPOUND = /^-(?:\p{Lu}\p{Ll}*)?(?:[Cc]hef|[Vv]orsitzende|[Gg]eneralsekretar|[Pp]olitiker|[Ss]pitzenkandidat|[Ff]raktion|[Pp]rasidium|[Pp]arteitag|[Mm]itglied|[Aa]bgeordnete)(?:in|innen|r|n|s|en)?(?![\p{L}])/u;

/** A German genitive -s on a word that does not end in a sibilant ("Putins", not "Lavrovs" of "Lavrov" … nor "Boris"). */
const GENITIVE = /[^sxzSXZ]s$/;

/**
 * A context alias or a one-word person's name right after a first name is
 * part of someone else's name: "Hillary Clinton" after "Bill Clinton" is not
 * Bill, "Melania Trump" not Donald Trump.
 */
function namesSomeoneElse(folded: string, start: number): boolean {
  const before = /(\p{Lu}[\p{L}'-]*) +$/u.exec(folded.slice(Math.max(0, start - 30), start));
  return before !== null && FIRST_NAMES.has(before[1]!.toLowerCase()) && !TITLE_BEFORE.test(folded.slice(Math.max(0, start - 40), start));
}

/** A capitalised word, not opening a sentence, right before `start`: the name there is longer than the alias. */
function closesLongerName(folded: string, start: number): boolean {
  const before = /(^|[^\s]+) +(\p{Lu}[\p{L}'-]*) +$/u.exec(folded.slice(Math.max(0, start - 50), start));
  return before !== null && before[1] !== "" && !/[.!?:"'(]$/.test(before[1]!) && !TITLE_BEFORE.test(folded.slice(Math.max(0, start - 40), start));
}

function resolve(owners: [number, 0 | 1][], introduced: Map<number, number>, folded: string, at: number): number | undefined {
  if (owners.length === 1 && owners[0]![1] === 0) return owners[0]![0];
  // Among the entities this name may mean, the one named most recently wins.
  let best: number | undefined;
  let bestAt = -1;
  for (const [entity] of owners) {
    const seen = introduced.get(entity);
    if (seen !== undefined && seen > bestAt) {
      best = entity;
      bestAt = seen;
    }
  }
  if (best !== undefined) return best;
  const before = folded.slice(Math.max(0, at - 60), at);
  if (owners.length === 1 && (TITLE_BEFORE.test(before.slice(-40)) || TITLE_OF_BEFORE.test(before))) return owners[0]![0];
  return undefined;
}

/** Per matcher, each word of the text already looked up: most words recur, and most open no alias. */
const lookups = new WeakMap<CompiledMatcher, Map<string, readonly string[] | null>>();

/**
 * The alias forms a word of the text may open, or null. Only the table's own keys count: "Constructor" is no
 * alias because a plain object has a "constructor" (a real page's word made the lookup return a function).
 */
function formsOf(matcher: CompiledMatcher, word: string): readonly string[] | null {
  let seen = lookups.get(matcher);
  if (!seen) lookups.set(matcher, (seen = new Map()));
  let forms = seen.get(word);
  if (forms === undefined) {
    const key = word.toLowerCase();
    forms = Object.hasOwn(matcher.starts, key) ? matcher.starts[key]! : null;
    // A page of endless distinct words must not grow the cache without end.
    if (seen.size > 50_000) seen.clear();
    seen.set(word, forms);
  }
  return forms;
}

const candidatePatterns = new WeakMap<CompiledMatcher, [unicode: RegExp, ascii: RegExp]>();

/**
 * The words that can open an alias form: capitalised words and numbers, and the few lower-case first words the
 * forms have ("the", "von", "de"). Most words of a text are neither, and the search skips them without stopping.
 * The pattern tests an ASCII first character by a cheap class and has no look-behind: a look-behind of Unicode
 * classes tried at every position of the text cost more than the rest of the matching. The caller leaves out a
 * match that does not start a word (wordCharBefore); the pattern only ever runs on within a word, so it skips no
 * word's start. The second pattern is the same for a text whose letters and digits are all ASCII (asciiWords).
 */
function candidateWords(matcher: CompiledMatcher): [unicode: RegExp, ascii: RegExp] {
  let re = candidatePatterns.get(matcher);
  if (!re) {
    // Every form's first word, not only the longest form's: "The Wall Street Journal" and "the alliance" share a start.
    const firsts = Object.values(matcher.starts).flatMap((forms) => forms.map((form) => form.split(" ", 1)[0]!));
    const lower = [...new Set(firsts.filter((w) => !/^\p{Lu}/u.test(w)))].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const unicode = ["(?:[A-Z0-9]|(?=[^\\x00-\\x7F])[\\p{Lu}\\p{N}])[\\p{L}\\p{N}_]*", ...lower.map((w) => `${w}(?![\\p{L}\\p{N}_])`)];
    const ascii = ["[A-Z0-9][A-Za-z0-9_]*", ...lower.map((w) => `${w}(?![A-Za-z0-9_])`)];
    re = [new RegExp(unicode.join("|"), "gu"), new RegExp(ascii.join("|"), "g")];
    candidatePatterns.set(matcher, re);
  }
  return re;
}

/** A letter, digit or "_" ends right before `at` (a code point, as a look-behind with the flag "u" reads it). */
function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  return WORD_CHAR_AT_END.test(text.slice(Math.max(0, at - 2), at));
}
const WORD_CHAR_AT_END = /[\p{L}\p{N}_]$/u;

interface Form {
  /** The form's words and marks, as written and in capitals. */
  parts: string[];
  upper: string[];
  /** Its key in matcher.aliases. */
  key: string;
  /** How many leading parts are a title the mark leaves out ("Sen", "." of "Sen. John McCain"). */
  title: number;
}

/**
 * A list of forms, and the same forms by their second word or mark (lower-cased), each list followed by the
 * one-word forms: most words that open a form ("the", "Russian", "Sergej") open dozens, and the word after them
 * picks the few worth trying, in the same longest-first order.
 */
interface Prepared {
  all: Form[];
  bySecond: Map<string, Form[]>;
  single: Form[];
}

/** Each list of forms prepared once, on first use. */
const preparedForms = new WeakMap<readonly string[], Prepared>();

function prepare(forms: readonly string[]): Prepared {
  let prepared = preparedForms.get(forms);
  if (!prepared) {
    const all = forms.map((f) => {
      const parts = f.split(" ");
      // "Lt. Gen. Ben Hodges": every title and its full stop.
      let title = 0;
      while (title < parts.length - 1 && LEADING_TITLE.test(parts[title]!.toLowerCase())) title += parts[title + 1] === "." ? 2 : 1;
      if (title >= parts.length) title = 0;
      return { parts, upper: parts.map((p) => p.toUpperCase()), key: foldName(parts.join(" ")), title };
    });
    const single = all.filter((f) => f.parts.length === 1);
    const bySecond = new Map<string, Form[]>();
    for (const f of all) if (f.parts.length > 1) (bySecond.get(f.parts[1]!.toLowerCase()) ?? bySecond.set(f.parts[1]!.toLowerCase(), []).get(f.parts[1]!.toLowerCase())!).push(f);
    for (const list of bySecond.values()) list.push(...single);
    prepared = { all, bySecond, single };
    preparedForms.set(forms, prepared);
  }
  return prepared;
}

/** The word (letters, digits) or the single mark at `at`. */
const NEXT_WORD = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/uy;

/** The forms worth trying at a word: those whose second part is the next word or mark (or its genitive, in German). */
function formsToTry(prepared: Prepared, folded: string, end: number, german: boolean): Form[] {
  if (prepared.bySecond.size === 0) return prepared.single;
  let at = end;
  while (folded[at] === " ") at++;
  NEXT_WORD.lastIndex = at;
  const next = NEXT_WORD.exec(folded);
  if (!next) return prepared.single;
  const key = next[0].toLowerCase();
  // "Sergej Lawrows": the genitive -s of a two-word form's last word.
  if (german && key.endsWith("s") && prepared.bySecond.has(key.slice(0, -1))) return prepared.all;
  return prepared.bySecond.get(key) ?? prepared.single;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWordChar = (c: string | undefined) => c !== undefined && (c < "\u0080" ? /\w/.test(c) : WORD_CHAR.test(c));

/**
 * The longest alias form that the text spells from `start`, or null. Words
 * match as written; a form's words also match in capitals (an all-caps
 * headline), and a form's lower-case first word also capitalised ("The
 * Alliance" opening a sentence). Words of a form are separated by spaces only,
 * never by a block boundary. In German the last word may carry a genitive -s,
 * left out of the mark.
 */
function matchForm(folded: string, start: number, first: string, forms: readonly string[], german: boolean): { start: number; end: number; key: string } | null {
  for (const form of formsToTry(prepare(forms), folded, start + first.length, german)) {
    const { parts, upper } = form;
    if (!sameWord(parts[0]!, upper[0]!, first)) continue;
    let end = start + first.length;
    let nameStart = form.title === 0 ? start : -1;
    let ok = true;
    for (let i = 1; i < parts.length && ok; i++) {
      let at = end;
      while (folded[at] === " ") at++;
      const part = parts[i]!;
      const asWritten = folded.startsWith(part, at);
      const next = folded[at + part.length];
      const genitive = german && i === parts.length - 1 && next === "s" && !isWordChar(folded[at + part.length + 1]) && /\p{Ll}/u.test(part[part.length - 1]!) && !/[sxz]$/.test(part);
      ok = (asWritten || folded.startsWith(upper[i]!, at)) && !(isWordChar(part[part.length - 1]) && isWordChar(next) && !genitive);
      // Two words need a space between them: "SergeiLavrov" is not "Sergei Lavrov".
      if (ok && at === end && isWordChar(part[0]) && isWordChar(folded[end - 1])) ok = false;
      if (i === form.title) nameStart = at;
      end = at + part.length;
    }
    if (ok) return { start: nameStart, end, key: form.key };
  }
  return null;
}

function sameWord(form: string, upper: string, text: string): boolean {
  if (form === text || (text === upper && text !== text.toLowerCase())) return true;
  // A lower-case first word, capitalised at the start of a sentence.
  return form[0] !== upper[0] && text.length === form.length && text[0] === upper[0] && text.slice(1) === form.slice(1);
}
