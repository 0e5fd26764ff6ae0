import { foldName, foldText } from "../text/fold";
import type { EntityType, Knowledge } from "../knowledge/types";

/**
 * What the content script needs to find mentions: built once, at build time,
 * from the knowledge base (a page never pays for it) and shipped as JSON.
 */
export interface CompiledMatcher {
  entities: { id: string; name: string; type: EntityType }[];
  /** Folded, lower-cased alias → who it may name (entity index) and whether it needs context. */
  aliases: Record<string, [entity: number, needsContext: 0 | 1][]>;
  /** Source of one RegExp (flags "gu") matching every alias form in folded text. */
  pattern: string;
}

/** A trie over regex units, so that aliases sharing a prefix share its matching work. */
interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

const WORD = "[\\p{L}\\p{N}_]";

export function compileMatcher(kb: Knowledge): CompiledMatcher {
  const entities = kb.entities.map((e) => ({ id: e.id, name: e.name, type: e.type }));
  const aliases: CompiledMatcher["aliases"] = {};
  const forms = new Set<string>();

  const surnames = derivedSurnames(kb);
  kb.entities.forEach((e, index) => {
    const names: [string, 0 | 1][] = [
      ...[e.name, ...e.aliases].map((a): [string, 0 | 1] => [a, 0]),
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
      const folded = foldText(alias).trim();
      forms.add(folded);
      // All-caps headlines and datelines ("LAVROV SAYS ...").
      forms.add(folded.toUpperCase());
    }
  });

  const root: TrieNode = { end: false, next: new Map() };
  for (const form of forms) {
    let node = root;
    for (const unit of regexUnits(form)) {
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const pattern = `(?<!${WORD})(?:${emit(root)})(?!${WORD})`;
  return { entities, aliases, pattern };
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

/** One regex fragment per character of a folded alias. */
function regexUnits(form: string): string[] {
  const units: string[] = [];
  const chars = [...form];
  chars.forEach((c, i) => {
    if (c === " ") {
      if (units[units.length - 1] !== " +") units.push(" +");
    } else if (c === "-" && i > 0) {
      // "NATO–Russia Council" is also set "NATO – Russia Council".
      units.push(" ?- ?");
    } else if (i === 0 && c !== c.toUpperCase()) {
      // "the Alliance" is also "The Alliance" at the start of a sentence.
      units.push(`[${c}${c.toUpperCase()}]`);
    } else {
      units.push(c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    }
  });
  return units;
}

function emit(node: TrieNode): string {
  const branches = [...node.next].map(([unit, child]) => unit + emit(child));
  if (branches.length === 0) return "";
  const alternation = branches.length === 1 ? branches[0]! : `(?:${branches.join("|")})`;
  // A complete alias that is also a prefix of a longer one: the longer is tried first (greedy "?").
  return node.end ? `(?:${alternation})?` : alternation;
}
