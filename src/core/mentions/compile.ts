import { foldName, foldText } from "../text/fold";
import type { EntityType, Knowledge } from "../knowledge/types";
import { compileOffices, type OfficeTable } from "./offices";
import { FIRST_NAMES, TITLES } from "./words";

/**
 * What the content script needs to find mentions: built once, at build time,
 * from the knowledge base (a page never pays for it) and shipped as JSON.
 */
export interface CompiledMatcher {
  entities: { id: string; name: string; type: EntityType }[];
  /** Folded, lower-cased alias → who it may name (entity index) and whether it needs context. */
  aliases: Record<string, [entity: number, needsContext: 0 | 1][]>;
  /**
   * Lower-cased first word → every alias form starting with it, as written
   * (folded, its words and marks separated by single spaces), most words first.
   * Matching reads the text word by word and looks each word up here: a table
   * lookup per word, where one RegExp over every alias cost V8 ~10 ms to
   * compile on every page.
   */
  starts: Record<string, string[]>;
  /** Single-holder offices ("russia-foreign-minister") and their holders' terms: "Russia's foreign minister" on a date. */
  offices: OfficeTable;
  /**
   * Alias keys that name their entity only on a German page: German spellings the matcher derives ("Sergej
   * Lawrow" from "Sergei Lavrov", "Grünen" from "Die Grünen"), which an English page would not write.
   */
  germanOnly?: string[];
}

/** A word (letters, digits) or a single mark; a text is read as a run of these. */
export const WORD_OR_MARK = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

/** The words and marks of a folded text. */
export function tokens(folded: string): string[] {
  return folded.match(WORD_OR_MARK) ?? [];
}

export function compileMatcher(kb: Knowledge): CompiledMatcher {
  const entities = kb.entities.map((e) => ({ id: e.id, name: e.name, type: e.type }));
  const aliases: CompiledMatcher["aliases"] = {};
  const forms = new Set<string>();

  const surnames = derivedSurnames(kb);
  const derived = derivedForms(kb);
  const german = germanForms(kb);
  const germanOnly = new Set<string>();
  kb.entities.forEach((e, index) => {
    const mine = german.get(index);
    for (const f of [...(mine?.plain ?? []), ...(mine?.context ?? [])]) germanOnly.add(foldName(f));
    const names: [string, 0 | 1][] = [
      ...[e.name, ...e.aliases, ...(derived.get(index) ?? []), ...(mine?.plain ?? [])].map((a): [string, 0 | 1] => [a, 0]),
      ...(e.contextAliases ?? []).map((a): [string, 0 | 1] => [a, 1]),
      ...[...(surnames.get(index) ?? []), ...(mine?.context ?? [])].map((a): [string, 0 | 1] => [a, 1]),
    ];
    for (const [alias, needsContext] of names) {
      const key = foldName(alias);
      const owners = (aliases[key] ??= []);
      const mine = owners.find(([i]) => i === index);
      // The same name as both plain and context alias of one entity counts as plain.
      if (mine) mine[1] = Math.min(mine[1], needsContext) as 0 | 1;
      else owners.push([index, needsContext]);
      forms.add(tokens(foldText(alias)).join(" "));
    }
  });

  const starts: CompiledMatcher["starts"] = {};
  for (const form of forms) {
    const first = form.split(" ", 1)[0]!.toLowerCase();
    (starts[first] ??= []).push(form);
  }
  for (const list of Object.values(starts)) list.sort((a, b) => b.split(" ").length - a.split(" ").length || b.length - a.length);
  return { entities, aliases, starts, offices: compileOffices(kb), ...(germanOnly.size ? { germanOnly: [...germanOnly].sort() } : {}) };
}

/**
 * Every person's bare surname (the last word of the name) as a context alias:
 * after "Jens Stoltenberg", "Stoltenberg" links without the knowledge file
 * listing it. Not derived where that word is already a plain alias of another
 * entity, is shorter than four letters ("Un" of Kim Jong Un would match "UN"
 * in capitals), or is a common capitalised word ("May", "Brown" after "Theresa
 * May" would link every month of May): those belong in contextAliases by hand.
 * Two people sharing a derived surname both get it; the matcher then links
 * it to whichever was named last, and never on a title alone.
 */
function derivedSurnames(kb: Knowledge): Map<number, string[]> {
  const plain = new Set<string>();
  for (const e of kb.entities) for (const a of [e.name, ...e.aliases]) plain.add(foldName(a));
  const out = new Map<number, string[]>();
  kb.entities.forEach((e, index) => {
    if (e.type !== "person") return;
    // The surname of every full form the file lists: "Naryschkin" after "Sergej Naryschkin" as "Naryshkin" after "Sergei Naryshkin".
    const found = new Map<string, string>();
    for (const full of [e.name, ...e.aliases]) {
      const surname = surnameOf(full);
      if (surname && !plain.has(foldName(surname)) && !NOT_SURNAMES.has(foldName(surname))) found.set(foldName(surname), surname);
    }
    if (found.size) out.set(index, [...found.values()]);
  });
  return out;
}

/** The last word of a full name of two or more words ("Jr." and numerals left out), if it reads as a surname of four letters or more. */
function surnameOf(full: string): string | null {
  const words = full.split(/\s+/).filter((w) => !/^(?:Jr|Sr|I{1,3}|IV)\.?$/.test(w));
  const surname = words[words.length - 1];
  if (words.length < 2 || !surname || !/^\p{Lu}\p{Ll}{3,}$/u.test(foldText(surname))) return null;
  // "Queen Elizabeth", "Chancellor Brandt": a title and one name, a surname unless it is a given name.
  const first = foldText(words[0]!).toLowerCase();
  if (/\.$/.test(first) || (TITLES.has(first) && (words.length > 2 || FIRST_NAMES.has(foldText(surname).toLowerCase())))) return null;
  return surname;
}

/** Capitalised words that are surnames too, but far more often something else. */
const NOT_SURNAMES = new Set(
  ("january february march april may june july august september october november december monday tuesday wednesday " +
    "thursday friday saturday sunday white black brown green gray grey young king rice bush may long short little " +
    "love rose hope grant mark will bill price cash gold rich hill wood church bell cook baker miller smith hunter " +
    "fisher walker mason carter turner page major north south east west").split(" "),
);

/**
 * Forms of a person's name that news writes and the knowledge file need not
 * list, derived where no other entity has them: "Sir Keir" from "Sir Keir
 * Starmer" (British usage after the first mention; the matcher marks "Keir",
 * the title stays outside), and the usual English short first name ("Bill
 * Burns" for William Burns). A real page turned "Sir Keir" into an unknown
 * "Keir"; another wrote "CIA Director Bill Burns".
 */
function derivedForms(kb: Knowledge): Map<number, string[]> {
  const taken = new Set<string>();
  for (const e of kb.entities) for (const a of [e.name, ...e.aliases, ...(e.contextAliases ?? [])]) taken.add(foldName(a));
  const out = new Map<number, string[]>();
  kb.entities.forEach((e, index) => {
    if (e.type !== "person") return;
    const forms = new Set<string>();
    for (const alias of [e.name, ...e.aliases]) {
      const words = alias.split(/\s+/);
      const honour = /^(?:Sir|Dame)$/.exec(words[0] ?? "");
      if (honour && words.length === 3 && /^\p{Lu}\p{Ll}{2,}$/u.test(words[1]!)) forms.add(`${words[0]} ${words[1]}`);
      const short = words.length === 2 ? SHORT_FIRST_NAMES[words[0]!] : undefined;
      if (short) forms.add(`${short} ${words[1]}`);
    }
    const mine = [...forms].filter((f) => !taken.has(foldName(f)));
    if (mine.length) out.set(index, mine);
  });
  // A form two people would get belongs to neither.
  const count = new Map<string, number>();
  for (const forms of out.values()) for (const f of forms) count.set(foldName(f), (count.get(foldName(f)) ?? 0) + 1);
  for (const [index, forms] of out) out.set(index, forms.filter((f) => count.get(foldName(f)) === 1));
  return out;
}

/** English first names and the short forms news uses for them. */
const SHORT_FIRST_NAMES: Record<string, string> = {
  William: "Bill", Robert: "Bob", Richard: "Rick", James: "Jim", Joseph: "Joe", Thomas: "Tom", Michael: "Mike",
  Anthony: "Tony", Antony: "Tony", Charles: "Chuck", Edward: "Ed", Nicholas: "Nick", Stephen: "Steve", Steven: "Steve",
  Benjamin: "Ben", Daniel: "Dan", Christopher: "Chris", Jonathan: "Jon", Matthew: "Matt", Timothy: "Tim", Kenneth: "Ken",
  Gregory: "Greg", Elizabeth: "Liz", Katherine: "Kate", Catherine: "Kate", Jennifer: "Jen", Patricia: "Pat", Samuel: "Sam",
};

/**
 * German forms of names that German pages write and the knowledge file need not list, matched on German pages
 * only: Russian, Ukrainian and Belarusian names in German transliteration ("Sergei Lavrov" → "Sergej Lawrow",
 * "Maria Zakharova" → "Maria Sacharowa", "Sergei Shoigu" → "Sergej Schoigu", "Yuri Ushakov" → "Juri Uschakow"),
 * their surnames as context aliases (a real page wrote "sagt Naryschkin" after "Sergej Naryschkin"), and a party
 * named "Die Grünen" as "Grünen" and "Grüne" ("Annalena Baerbock (Grüne)"). A form any other entity has, or that two
 * entities would get, belongs to neither.
 */
function germanForms(kb: Knowledge): Map<number, { plain: string[]; context: string[] }> {
  const taken = new Map<string, number>();
  for (const [i, e] of kb.entities.entries()) for (const a of [e.name, ...e.aliases, ...(e.contextAliases ?? [])]) if (!taken.has(foldName(a))) taken.set(foldName(a), i);
  const wanted = new Map<number, { plain: Set<string>; context: Set<string> }>();
  const count = new Map<string, number>();
  const add = (index: number, form: string, context: boolean) => {
    const key = foldName(form);
    const owner = taken.get(key);
    if (owner !== undefined) return; // the file has this form already (for this entity or another)
    const forms = wanted.get(index) ?? { plain: new Set<string>(), context: new Set<string>() };
    wanted.set(index, forms);
    if (!forms.plain.has(form) && !forms.context.has(form)) count.set(key, (count.get(key) ?? 0) + 1);
    (context ? forms.context : forms.plain).add(form);
  };
  kb.entities.forEach((e, index) => {
    if (e.type === "organization") {
      for (const alias of [e.name, ...e.aliases, ...(e.contextAliases ?? [])]) {
        const m = /^Die (\p{Lu}\p{Ll}+e(n?))$/u.exec(alias);
        if (m) for (const f of [m[1]!, m[2] ? m[1]!.slice(0, -1) : `${m[1]}n`]) add(index, f, false);
      }
      return;
    }
    if (e.type !== "person" || !isEastSlavic(e)) return;
    for (const alias of [e.name, ...e.aliases]) {
      const words = alias.split(" ");
      if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}[a-z]+$/u.test(w))) continue;
      const german = words.map(germanSpelling).join(" ");
      if (german === alias) continue;
      add(index, german, false);
      const surname = surnameOf(german);
      if (surname && !NOT_SURNAMES.has(foldName(surname))) add(index, surname, true);
    }
  });
  const out = new Map<number, { plain: string[]; context: string[] }>();
  for (const [index, { plain, context }] of wanted) {
    const once = (f: string) => count.get(foldName(f)) === 1;
    const mine = { plain: [...plain].filter(once), context: [...context].filter((f) => once(f) && !plain.has(f)) };
    if (mine.plain.length || mine.context.length) out.set(index, mine);
  }
  return out;
}

/** Whether a person's name comes from Russian, Ukrainian or Belarusian: an office there, or the summary says so. */
function isEastSlavic(e: Knowledge["entities"][number]): boolean {
  return e.roles.some((r) => /^(?:russia|ukraine|belarus|kremlin|crimea|ussr|soviet)-/.test(r.office ?? "")) || /\b(?:Russian|Ukrainian|Belarusian|Soviet)\b/.test(e.summary.slice(0, 100));
}

/** English transliteration of Russian and Ukrainian → German, read left to right ("shch" before "sh", "kh" before "h"). */
const TO_GERMAN: Record<string, string> = { shch: "schtsch", kh: "ch", zh: "sch", sh: "sch", ch: "tsch", ts: "z", ks: "x", z: "s", v: "w" };

/** One word of an English transliteration of a Russian or Ukrainian name, in German transliteration. */
export function germanSpelling(word: string): string {
  // A voiceless s between vowels is written double ("Gerasimov" → "Gerassimow"); a voiced one is "z" in English, "s" in German.
  let w = word.toLowerCase().replace(/([aeiou])s(?=[aeiou])/g, "$1ss");
  w = w.replace(/shch|kh|zh|sh|ch|ts|ks|z|v/g, (m) => TO_GERMAN[m]!);
  // "y" before a vowel, and "e" opening a word, are "j" ("Yuri" → "Juri", "Ryabkov" → "Rjabkow", "Yevgeny" → "Jewgeni").
  w = w.replace(/y(?=[aeiou])/g, "j");
  // Word ends: "-iy", "-yi" → "-ij"; "-ei", "-ey" → "-ej"; "-y" after a consonant → "-i" ("Dmitry" → "Dmitri").
  w = w.replace(/(?:iy|yi)$/, "ij").replace(/e[iy]$/, "ej").replace(/([^aeiouj])y$/, "$1i");
  return w[0]!.toUpperCase() + w.slice(1);
}
