import { foldText } from "../text/fold";
import { holdsOn, startDay } from "../knowledge/dates";
import type { Knowledge } from "../knowledge/types";

/**
 * Offices named without their holder: "Russia's foreign minister", "the Ukrainian president", "NATO's
 * secretary general", "the Kremlin spokesman", "der russische Außenminister". Each is linked to whoever held
 * that office on the article's date, from the knowledge file's dated roles (their `office` keys). Only where the
 * country or body is in the phrase itself (a possessive, an adjective, "of Ukraine", a compound): "the foreign
 * minister" alone could be anyone's and stays unmarked; so does a phrase with no single holder on that day.
 */

/** One holder's term: entity index into CompiledMatcher.entities, first day, exclusive end, last confirmed day. */
export type Term = [entity: number, start: string | null, end: string | null, until: string | null];

/** Office key → its terms, compiled with the matcher. */
export type OfficeTable = Record<string, Term[]>;

export function compileOffices(kb: Knowledge): OfficeTable {
  const offices: OfficeTable = {};
  kb.entities.forEach((e, index) => {
    for (const r of e.roles) {
      if (!r.office) continue;
            // A term of unknown end counts up to its last confirmation (as cards read it, briefing.ts heldOn); unconfirmed, never.
      if (r.endUnknown && !r.confirmed) continue;
      (offices[r.office] ??= []).push([index, r.start, r.end, r.endUnknown ? r.confirmed!.date : null]);
    }
  });
  return offices;
}

export interface OfficeMention {
  start: number;
  end: number;
  /** The holder on the article's date. */
  entity: number;
  /** The office key ("russia-foreign-minister"). */
  office: string;
}

/**
 * Who says which country or body: the office key's prefix, its names (a possessive "Russia's" is built from
 * them), its adjectives, its German adjectives and genitives ("russische", "Russlands", folded) and the words
 * that open a German compound ("Nato-Generalsekretar", "Kremlsprecher", "Bundeskanzler").
 */
const BODIES: [prefix: string, names: string[], adjectives: string[], german: string[], compounds: string[]][] = [
  ["russia", ["Russia", "the Russian Federation"], ["Russian"], ["Russlands", "russische", "russischen", "russischer"], []],
  ["ukraine", ["Ukraine"], ["Ukrainian"], ["ukrainische", "ukrainischen", "ukrainischer"], []],
  ["nato", ["NATO", "Nato", "the North Atlantic Treaty Organization"], ["NATO", "Nato"], [], ["Nato", "NATO"]],
  ["us", ["the United States", "the US", "the U.S.", "America", "US", "U.S."], ["US", "U.S.", "American", "United States"], ["amerikanische", "amerikanischen", "amerikanischer"], ["US"]],
  ["uk", ["Britain", "the UK", "the United Kingdom", "UK"], ["British", "UK"], ["britische", "britischen", "britischer", "Grossbritanniens"], []],
  ["germany", ["Germany"], ["German"], ["deutsche", "deutschen", "deutscher", "Deutschlands"], ["Bundes"]],
  ["france", ["France"], ["French"], ["franzosische", "franzosischen", "franzosischer", "Frankreichs"], []],
  ["poland", ["Poland"], ["Polish"], ["polnische", "polnischen", "polnischer", "Polens"], []],
  ["belarus", ["Belarus"], ["Belarusian"], ["belarussische", "belarussischen", "belarussischer"], []],
  ["turkey", ["Turkey", "Turkiye"], ["Turkish"], ["turkische", "turkischen", "turkischer"], []],
  ["finland", ["Finland"], ["Finnish"], ["finnische", "finnischen", "finnischer"], []],
  ["sweden", ["Sweden"], ["Swedish"], ["schwedische", "schwedischen", "schwedischer"], []],
  ["italy", ["Italy"], ["Italian"], ["italienische", "italienischen", "italienischer"], []],
  ["spain", ["Spain"], ["Spanish"], ["spanische", "spanischen", "spanischer"], []],
  ["canada", ["Canada"], ["Canadian"], ["kanadische", "kanadischen", "kanadischer"], []],
  ["estonia", ["Estonia"], ["Estonian"], ["estnische", "estnischen", "estnischer"], []],
  ["latvia", ["Latvia"], ["Latvian"], ["lettische", "lettischen", "lettischer"], []],
  ["lithuania", ["Lithuania"], ["Lithuanian"], ["litauische", "litauischen", "litauischer"], []],
  ["hungary", ["Hungary"], ["Hungarian"], ["ungarische", "ungarischen", "ungarischer"], []],
  ["norway", ["Norway"], ["Norwegian"], ["norwegische", "norwegischen", "norwegischer"], []],
  ["denmark", ["Denmark"], ["Danish"], ["danische", "danischen", "danischer"], []],
  ["netherlands", ["the Netherlands"], ["Dutch"], ["niederlandische", "niederlandischen", "niederlandischer"], []],
  ["greece", ["Greece"], ["Greek"], ["griechische", "griechischen", "griechischer"], []],
  ["romania", ["Romania"], ["Romanian"], ["rumanische", "rumanischen", "rumanischer"], []],
  ["moldova", ["Moldova"], ["Moldovan"], ["moldauische", "moldauischen", "moldauischer"], []],
  ["georgia", ["Georgia"], ["Georgian"], ["georgische", "georgischen", "georgischer"], []],
  ["kremlin", ["the Kremlin", "Kremlin"], ["Kremlin"], [], ["Kreml"]],
  ["un", ["the United Nations", "the UN", "the U.N.", "UN"], ["UN", "U.N."], [], ["Uno", "UN", "UNO"]],
  ["osce", ["the OSCE", "OSCE"], ["OSCE"], [], ["OSZE"]],
  ["eu", ["the European Union", "the EU"], ["EU"], [], ["EU"]],
];

/** English office nouns → office suffixes to try, in order (a "foreign minister" of Britain is its foreign secretary). */
const NOUNS: [nouns: string[], suffixes: string[]][] = [
  [["foreign minister", "minister of foreign affairs", "foreign affairs minister"], ["foreign-minister", "foreign-secretary", "secretary-of-state"]],
  [["foreign secretary"], ["foreign-secretary", "foreign-minister"]],
  [["defence minister", "defense minister", "minister of defence", "minister of defense"], ["defence-minister", "defence-secretary", "defense-secretary"]],
  [["defence secretary", "defense secretary", "secretary of defense"], ["defence-secretary", "defense-secretary", "defence-minister"]],
  [["secretary of state"], ["secretary-of-state"]],
  [["prime minister", "premier", "PM"], ["prime-minister"]],
  [["president"], ["president"]],
  [["vice president", "vice-president"], ["vice-president"]],
  [["chancellor"], ["chancellor"]],
  [["secretary general", "secretary-general", "chief"], ["secretary-general"]],
  [["spokesman", "spokeswoman", "spokesperson", "press secretary"], ["press-secretary", "spokesperson"]],
  [["chief of staff"], ["chief-of-staff"]],
  [["interior minister"], ["interior-minister"]],
  [["national security adviser", "national security advisor"], ["national-security-adviser"]],
];

/** German office words (folded: "Außenminister" is "Ausenminister"), alone or closing a compound ("Nato-Generalsekretar"). */
const GERMAN_NOUNS: [nouns: string[], suffixes: string[]][] = [
  [["Ausenminister", "Ausenministerin", "Aussenminister", "Aussenministerin", "Ausenministers", "Aussenministers"], ["foreign-minister", "foreign-secretary", "secretary-of-state"]],
  [["Verteidigungsminister", "Verteidigungsministerin", "Verteidigungsministers"], ["defence-minister", "defence-secretary", "defense-secretary"]],
  [["Prasident", "Prasidentin", "Prasidenten", "Staatschef", "Staatschefin", "Staatschefs"], ["president"]],
  [["Regierungschef", "Regierungschefin", "Premierminister", "Premierministerin", "Ministerprasident", "Ministerprasidentin"], ["prime-minister"]],
  [["Kanzler", "Kanzlerin", "Kanzlers"], ["chancellor"]],
  [["Generalsekretar", "Generalsekretarin", "Chef"], ["secretary-general"]],
  [["Sprecher", "Sprecherin"], ["press-secretary", "spokesperson"]],
];

/** Words before the phrase that make it someone else: "the former Russian president", "the deputy foreign minister". */
const NOT_THE_HOLDER = /(?:^|[^\p{L}])(?:former|ex|then|deputy|acting|late|future|next|previous|first|second|vice|would-be|ehemalige[nmrs]?|fruhere[nmrs]?|stellvertretende[nmrs]?|kunftige[nmrs]?|damalige[nmrs]?|Ex)[- ]+$/iu;

/** Nouns that, after "and", are rarely a second office of the same country ("Russia's president and chief negotiator"). */
const NOT_SHARED = /^(?:chief|Chief)$/;

/** What may follow "chief" used as a noun: a mark, a verb ("warns", "declined", "also said"), a preposition. */
const CHIEF_NEXT = /^(?:\s*$|\s*[^\p{L}\s]|\s+(?:\p{Lu}|[\p{Ll}]+(?:s|ed)(?![\p{L}])|(?:also|has|had|have|is|was|will|would|could|can|said|told|on|in|at|to|for|and|or|but|who|whose|as|from|with|after|before|during|over|hat|sagte|warnte|und|in|am)(?![\p{L}])))/u;

/** The years before the article's that the sentence around [start, end) names ("… ousted the president in February 2014"). */
function earlierYears(folded: string, start: number, end: number, date: string): number[] {
  const sentence = folded.slice(...sentenceOf(folded, start, end));
  const year = Number(date.slice(0, 4));
  return [...sentence.matchAll(/(?<![\p{N}])(?:19|20)\d\d(?![\p{N}])/gu)].map((m) => Number(m[0])).filter((y) => y < year);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alt = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map(escape).join("|");
/** An English noun as written in lower case, or in title case ("Foreign Minister", "Secretary-General"). */
const titleCase = (s: string) => s.replace(/(^|[ -])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()).replace(/ Of /g, " of ");

const BODY_BY_WORD = new Map<string, string>();
for (const [prefix, names, adjectives, german, compounds] of BODIES) for (const w of [...names, ...adjectives, ...german, ...compounds]) BODY_BY_WORD.set(foldText(w).replace(/^the /i, "").toLowerCase(), prefix);
const SUFFIXES_BY_NOUN = new Map<string, string[]>();
for (const [nouns, suffixes] of [...NOUNS, ...GERMAN_NOUNS]) for (const n of nouns) SUFFIXES_BY_NOUN.set(n.toLowerCase(), suffixes);

const NOUN_ALT = alt(NOUNS.flatMap(([nouns]) => nouns.flatMap((n) => [n, titleCase(n)])));
const POSSESSOR = alt(BODIES.flatMap(([, names]) => names.map((n) => n.replace(/^the /, ""))));
const ADJECTIVE = alt(BODIES.flatMap(([, , adjectives]) => adjectives));
const OF_NAME = alt(BODIES.flatMap(([, names]) => names));
/** "Russia's foreign minister", "the Ukrainian president", "the president of Ukraine". */
const ENGLISH = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:(?<poss>${POSSESSOR})['\u2019]s (?<pnoun>${NOUN_ALT})|(?<adj>${ADJECTIVE}) (?<anoun>${NOUN_ALT})|(?<=(?:^|[^\\p{L}])[Tt]he )(?<onoun>${NOUN_ALT}) of (?<of>${OF_NAME}))(?![\\p{L}\\p{N}-])`,
  "gu",
);
const GERMAN_NOUN_ALT = alt(GERMAN_NOUNS.flatMap(([nouns]) => nouns));
const GERMAN_QUALIFIER = alt(BODIES.flatMap(([, , , german]) => german));
const GERMAN_COMPOUND = alt(BODIES.flatMap(([, , , , compounds]) => compounds));
/** "der russische Ausenminister", "Russlands Prasident", "Nato-Generalsekretar", "Kremlsprecher", "Bundeskanzler". */
const GERMAN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<gq>${GERMAN_QUALIFIER}) (?<gnoun>${GERMAN_NOUN_ALT})|(?<gc>${GERMAN_COMPOUND})-?(?<gcnoun>${GERMAN_NOUN_ALT}|${GERMAN_NOUN_ALT.toLowerCase()})|(?<=(?:^|[^\\p{L}])[Dd](?:er|ie|em|en|es) )(?<gbare>Kanzler|Kanzlerin|Kanzlers))(?![\\p{L}\\p{N}-])`,
  "gu",
);

/** An office noun anywhere: the phrases are looked for only around one, not at every position of the text. */
const ENGLISH_NOUN = new RegExp(`(?:${NOUN_ALT})(?![\\p{L}])`, "gu");
const GERMAN_NOUN_ANY = new RegExp(`(?:${GERMAN_NOUN_ALT}|${GERMAN_NOUN_ALT.toLowerCase()})(?![\\p{L}])`, "gu");

/** The matches of `re` that end at an office noun, each once, in text order. */
function* phrases(folded: string, re: RegExp, noun: RegExp): Generator<RegExpMatchArray> {
  let last = -1;
  noun.lastIndex = 0;
  for (const n of folded.matchAll(noun)) {
    const from = Math.max(0, n.index! - 60);
    // "the president of Ukraine" ends after the noun.
    const window = folded.slice(from, n.index! + n[0].length + 60);
    re.lastIndex = 0;
    for (const m of window.matchAll(re)) {
      const start = from + m.index!;
      if (start <= last || start > n.index! || start + m[0].length < n.index! + n[0].length) continue;
      // The window may open inside a word: a phrase starting there does not start a word.
      if (m.index === 0 && from > 0 && /[\p{L}\p{N}.]/u.test(folded[from - 1]!)) continue;
      last = start;
      // Offsets into the whole text, as matchAll over it would give.
      m.index = start;
      yield m;
    }
  }
}

export interface OfficeOptions {
  /** The article's date (YYYY-MM-DD or shorter); without one no office is resolved. */
  date: string | null;
  german: boolean;
  /** The page's language as given ("de-AT"): "Bundeskanzler" is Germany's only in German from Germany or of unknown region. */
  lang?: string;
}

/**
 * The office phrases of `text` and the holder of each on the article's date. `named` are the ranges of names
 * already found: an office right before or after a name ("Russia's foreign minister, Sergei Lavrov") is that
 * name's title or apposition, not a mention of its own.
 */
/** A name already found: its range and, for a known one, its entity index (-1 for a name the file lacks). */
export interface NamedRange {
  start: number;
  end: number;
  entity: number;
  person: boolean;
}

export function findOffices(text: string, table: OfficeTable, options: OfficeOptions, named: readonly NamedRange[] = []): OfficeMention[] {
  if (!options.date) return [];
  const day = startDay(options.date);
  const folded = foldText(text);
  const out: OfficeMention[] = [];
  const austrianOrSwiss = options.lang !== undefined && /^de[-_](?:at|ch|li)$/i.test(options.lang);
  for (const re of options.german ? [GERMAN, ENGLISH] : [ENGLISH]) {
    re.lastIndex = 0;
    for (const m of phrases(folded, re, re === ENGLISH ? ENGLISH_NOUN : GERMAN_NOUN_ANY)) {
      const g = m.groups!;
      // "der Kanzler" on a German page is Germany's (not on an Austrian or Swiss one, nor in a sentence about Austria).
      const bare = g.gbare !== undefined;
      if (bare && (austrianOrSwiss || /osterreich|wien/i.test(folded.slice(...sentenceOf(folded, m.index!, m.index! + m[0].length))))) continue;
      const qualifier = bare ? "Deutschlands" : (g.poss ?? g.adj ?? g.of ?? g.gq ?? g.gc);
      const noun = g.pnoun ?? g.anoun ?? g.onoun ?? g.gnoun ?? g.gcnoun ?? g.gbare;
      if (!qualifier || !noun) continue;
      const prefix = BODY_BY_WORD.get(qualifier.replace(/^the /i, "").toLowerCase());
      const suffixes = SUFFIXES_BY_NOUN.get(noun.toLowerCase());
      if (!prefix || !suffixes) continue;
      // A federal office in Austrian or Swiss German is that country's, which the file does not hold.
      if (prefix === "germany" && qualifier === "Bundes" && austrianOrSwiss) continue;
      // "chief" and "Chef" name a secretary general only for the bodies that have one ("NATO chief", "Uno-Chef").
      if ((noun === "chief" || noun === "Chief" || noun === "Chef") && !["nato", "un", "osce"].includes(prefix)) continue;
      let start = m.index!;
      // "the president of Ukraine" is marked from "president"; the other forms from the qualifier.
      const end = start + m[0].length;
      const before = folded.slice(Math.max(0, start - 16), start);
      if (NOT_THE_HOLDER.test(before)) continue;
      // "a UK defence minister", "an American president", "no U.S. president": one of several, or anyone who holds it.
      if (/(?:^|[^\p{L}])(?:an?|one|any|every|no|ein|eine|einen|einem|jede[nmr]?|kein|keine)\s+$/iu.test(before)) continue;
      // "die Präsidenten Steinmeier und Selenskyj", "die Bundespräsidenten": plural, more than one holder.
      if (/^(?:Prasidenten|Staatschefs)$/.test(noun) && /(?:^|[^\p{L}])(?:die|beiden|zwei|alle[nr]?)\s+$/iu.test(before)) continue;
      // "NATO's chief rival": "chief" as an adjective.
      if (/^chef$|^chief$/i.test(noun) && !CHIEF_NEXT.test(folded.slice(end, end + 20))) continue;

      if (nextToName(folded, start, end, named)) continue;
      const holder = holderOn(table, prefix, suffixes, day);
      if (!holder) continue;
      // "George Shultz, the US secretary of state, recalled": in apposition to someone else, a holder of another time.
      if (besideSomeoneElse(folded, start, named, holder.entity)) continue;
      // "In calls between Biden and Zelenskyy, … the US president stated" (written in 2026): a sentence naming another
      // holder of the same office, at any time, may mean that one.
      if (otherHolderNamed(folded, start, end, named, table[holder.office]!, holder.entity)) continue;
      // "… ousted the Ukrainian president in February 2014": a sentence about an earlier year may mean that year's
      // holder; unless the file has the same one then (or no one), it is unsure.
      const years = earlierYears(folded, start, end, options.date);
      if (years.some((y) => [`${y}-01-01`, `${y}-12-31`].some((d) => { const then = holderOn(table, prefix, suffixes, d); return then !== null && then.entity !== holder.entity; }))) continue;
      if (out.some((o) => o.start < end && o.end > start)) continue;
      out.push({ start, end, entity: holder.entity, office: holder.office });
      // "Finland's president and PM": the qualifier is shared; "the foreign and defence ministers" (plural) matches no noun.
      const shared = re === ENGLISH ? new RegExp(`^ and (${NOUN_ALT})(?![\\p{L}\\p{N}-])`, "u").exec(folded.slice(end, end + 40)) : null;
      const second = shared && SUFFIXES_BY_NOUN.get(shared[1]!.toLowerCase());
      if (shared && second && !NOT_SHARED.test(shared[1]!)) {
        const at = end + 5;
        const other = holderOn(table, prefix, second, day);
        if (other && other.entity !== holder.entity && !nextToName(folded, at, at + shared[1]!.length, named)) out.push({ start: at, end: at + shared[1]!.length, entity: other.entity, office: other.office });
      }
      start = end;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** An office right before a name is its title ("Russian Foreign Minister Sergei Lavrov", "NATO's chief, Mark Rutte"); right after, its apposition. */
function nextToName(folded: string, start: number, end: number, named: readonly NamedRange[]): boolean {
  const after = folded.slice(end, end + 40);
  if (/^,? \p{Lu}\p{Ll}+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{Ll}'-]+)?/u.test(after) && !/^,? (?:The|A|An|In|On|At|But|And|Der|Die|Das|Er|Sie)\b/u.test(after)) {
    // A capitalised word after it: a name, unless it starts the next clause after a comma and is a known non-name.
    return true;
  }
  const before = folded.slice(Math.max(0, start - 3), start);
  if (/, $/.test(before) && named.some((n) => n.end === start - 2)) return true;
  return named.some((n) => (n.start >= end && n.start <= end + 2) || (n.end <= start && n.end >= start - 2));
}

/** Whether the sentence around [start, end) names someone who held the office at another time than the holder found. */
function otherHolderNamed(folded: string, start: number, end: number, named: readonly NamedRange[], terms: readonly Term[], holder: number): boolean {
  const [from, to] = sentenceOf(folded, start, end);
  const others = new Set(terms.map(([entity]) => entity).filter((e) => e !== holder));
  return named.some((n) => n.start >= from && n.end <= to && others.has(n.entity));
}

/** The sentence around [start, end): from the last sentence end before it to the next after it. */
function sentenceOf(folded: string, start: number, end: number): [number, number] {
  const boundary = /[.!?]["'\u201d\u2019]?\s|\n/g;
  let from = 0;
  for (const m of folded.slice(Math.max(0, start - 400), start).matchAll(boundary)) from = Math.max(0, start - 400) + m.index! + m[0].length;
  const rest = folded.slice(end, end + 400);
  const stop = rest.search(/[.!?]["'\u201d\u2019]?\s|\n/);
  return [from, stop < 0 ? end + rest.length : end + stop];
}

/** "Name, the office": the name before the comma is not the holder found (a known name of another, or an unknown full name). */
function besideSomeoneElse(folded: string, start: number, named: readonly NamedRange[], holder: number): boolean {
  const m = /(?<![\p{L}'.-])(\p{Lu}(?:\.|[\p{L}'-]+)(?: \p{Lu}(?:\.|[\p{L}'-]+))*), (?:(?:the|der|die) )?$/u.exec(folded.slice(Math.max(0, start - 60), start));
  if (!m) return false;
  const nameEnd = start - m[0].length + m[1]!.length;
  const known = named.find((n) => n.end === nameEnd);
  // "… relationship with Nato, the Russian president went on to say": a body before the comma is no apposition.
  if (known) return known.entity !== holder && known.person;
  // "On Tuesday, the Russian President said": a clause opener, not a name.
  return m[1]!.includes(" ") && !/^(?:On|In|At|By|For|Last|This|Next|Earlier|Later|Meanwhile|But|And|However|Then|After|Before|When|While|Since|The|Am|Im|Nach|Vor|Seit)\b/.test(m[1]!);
}

function holderOn(table: OfficeTable, prefix: string, suffixes: string[], day: string): { entity: number; office: string } | null {
  for (const suffix of suffixes) {
    const office = `${prefix}-${suffix}`;
    const terms = table[office];
    if (!terms) continue;
    const holders = new Set(terms.filter(([, start, end, until]) => holdsOn(start, end, until, day)).map(([entity]) => entity));
    // A handover the file dates only to the month or year ("2018-07") may fall either side of the day: unsure.
    const unsure = terms.some(([, start, end]) => [start, end].some((d) => d !== null && d.length < 10 && day.startsWith(d)));
    // No one, two people, or an unsure handover: the phrase stays unmarked.
    return holders.size === 1 && !unsure ? { entity: [...holders][0]!, office } : null;
  }
  return null;
}
