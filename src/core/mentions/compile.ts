import { foldName, foldText } from "../text/fold";
import type { EntityType, Knowledge } from "../knowledge/types";
import { compileOffices, type OfficeTable } from "./offices";

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
  kb.entities.forEach((e, index) => {
    const names: [string, 0 | 1][] = [
      ...[e.name, ...e.aliases, ...(derived.get(index) ?? [])].map((a): [string, 0 | 1] => [a, 0]),
      ...(e.contextAliases ?? []).map((a): [string, 0 | 1] => [a, 1]),
      ...(surnames.get(index) ?? []).map((a): [string, 0 | 1] => [a, 1]),
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
  return { entities, aliases, starts, offices: compileOffices(kb) };
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
    const words = e.name.split(/\s+/).filter((w) => !/^(?:Jr|Sr|I{1,3}|IV)\.?$/.test(w));
    const surname = words[words.length - 1];
    if (words.length < 2 || !surname || !/^\p{Lu}\p{Ll}{3,}$/u.test(foldText(surname))) return;
    const key = foldName(surname);
    if (plain.has(key) || NOT_SURNAMES.has(key)) return;
    out.set(index, [surname]);
  });
  return out;
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
