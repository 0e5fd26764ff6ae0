import { foldName, foldText } from "../text/fold";
import type { CompiledMatcher } from "./compile";
import type { EntityType } from "../knowledge/types";
import { opensLongerName } from "./names";
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
}

/**
 * Titles that, right before an ambiguous name, say it is the person meant:
 * "Foreign Minister Maas", "Kremlin spokesman Peskov".
 */
const TITLE_BEFORE = new RegExp(
  "(?:^|[^\\p{L}])(?:President|Chancellor|Minister|Secretary|Secretary[- ]General|Premier|Prime Minister|" +
    "[Ss]pokes(?:man|woman|person)|Ambassador|Envoy|Commissioner|General|Admiral|Senator|Mr|Mrs|Ms|Dr|Lord|" +
    "Bundeskanzler|Außenminister|Aussenminister|Ministerin|Kanzler|Präsident|Prasident|Sprecher)\\.? +$",
  "u",
);

/**
 * Finds the known entities named in `text`, in document order, one entry per
 * marked range. A context alias links only to an entity already named by a
 * plain alias earlier in the same text, or after a title.
 */
export function findMentions(text: string, matcher: CompiledMatcher): Mention[] {
  return drain(mentionSteps(text, matcher));
}

/** Words read between pauses. */
const WORDS_PER_STEP = 5000;

/**
 * findMentions as steps that pause every few thousand words. The text is read
 * word by word; a word that begins some alias form is tried against those
 * forms, longest first, so "NATO-Russia Council" wins over "NATO".
 */
export function* mentionSteps(text: string, matcher: CompiledMatcher): Steps<Mention[]> {
  const folded = foldText(text);
  const mentions: Mention[] = [];
  const introduced = new Map<number, number>(); // entity → position of its latest plain mention
  const words = candidateWords(matcher);
  words.lastIndex = 0;
  let read = 0;
  for (let w = words.exec(folded); w !== null; w = words.exec(folded)) {
    if (++read % WORDS_PER_STEP === 0) yield;
    const forms = matcher.starts[w[0].toLowerCase()];
    if (!forms) continue;
    const start = w.index;
    const match = matchForm(folded, start, w[0], forms);
    if (!match) continue;
    const { end } = match;
    words.lastIndex = end;
    const owners = matcher.aliases[match.key];
    if (!owners) continue;
    if (opensLongerName(folded, end)) continue;
    const entity = resolve(owners, introduced, folded, start);
    if (entity === undefined) continue;
    // A name that can mean only this entity (a plain alias, or a context alias after a title)
    // introduces it: "Foreign Minister Maas said … Maas added".
    if (owners.length === 1) introduced.set(entity, start);
    const e = matcher.entities[entity]!;
    mentions.push({ start, end, entityId: e.id, name: e.name, type: e.type, text: text.slice(start, end) });
  }
  return mentions;
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
  if (owners.length === 1 && TITLE_BEFORE.test(folded.slice(Math.max(0, at - 40), at))) return owners[0]![0];
  return undefined;
}

const candidatePatterns = new WeakMap<CompiledMatcher, RegExp>();

/**
 * The words that can open an alias form: capitalised words, and the few
 * lower-case first words the forms have ("the", "von", "de"). Most words of a
 * text are neither, and the search skips them without stopping.
 */
function candidateWords(matcher: CompiledMatcher): RegExp {
  let re = candidatePatterns.get(matcher);
  if (!re) {
    // Every form's first word, not only the longest form's: "The Wall Street Journal" and "the alliance" share a start.
    const firsts = Object.values(matcher.starts).flatMap((forms) => forms.map((form) => form.split(" ", 1)[0]!));
    const lower = [...new Set(firsts.filter((w) => !/^\p{Lu}/u.test(w)))].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const alternatives = ["\\p{Lu}[\\p{L}\\p{N}_]*", ...lower.map((w) => `${w}(?![\\p{L}\\p{N}_])`)];
    re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})|(?<![\\p{L}\\p{N}_])[\\p{N}][\\p{L}\\p{N}_]*`, "gu");
    candidatePatterns.set(matcher, re);
  }
  return re;
}

interface Form {
  /** The form's words and marks, as written and in capitals. */
  parts: string[];
  upper: string[];
  /** Its key in matcher.aliases. */
  key: string;
}

/** Each list of forms prepared once, on first use. */
const preparedForms = new WeakMap<readonly string[], Form[]>();

function prepare(forms: readonly string[]): Form[] {
  let prepared = preparedForms.get(forms);
  if (!prepared) {
    prepared = forms.map((f) => {
      const parts = f.split(" ");
      return { parts, upper: parts.map((p) => p.toUpperCase()), key: foldName(parts.join(" ")) };
    });
    preparedForms.set(forms, prepared);
  }
  return prepared;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWordChar = (c: string | undefined) => c !== undefined && (c < "\u0080" ? /\w/.test(c) : WORD_CHAR.test(c));

/**
 * The longest alias form that the text spells from `start`, or null. Words
 * match as written; a form's words also match in capitals (an all-caps
 * headline), and a form's lower-case first word also capitalised ("The
 * Alliance" opening a sentence). Words of a form are separated by spaces only,
 * never by a block boundary.
 */
function matchForm(folded: string, start: number, first: string, forms: readonly string[]): { end: number; key: string } | null {
  for (const form of prepare(forms)) {
    const { parts, upper } = form;
    if (!sameWord(parts[0]!, upper[0]!, first)) continue;
    let end = start + first.length;
    let ok = true;
    for (let i = 1; i < parts.length && ok; i++) {
      let at = end;
      while (folded[at] === " ") at++;
      const part = parts[i]!;
      const asWritten = folded.startsWith(part, at);
      ok = (asWritten || folded.startsWith(upper[i]!, at)) && !(isWordChar(part[part.length - 1]) && isWordChar(folded[at + part.length]));
      // Two words need a space between them: "SergeiLavrov" is not "Sergei Lavrov".
      if (ok && at === end && isWordChar(part[0]) && isWordChar(folded[end - 1])) ok = false;
      end = at + part.length;
    }
    if (ok) return { end, key: form.key };
  }
  return null;
}

function sameWord(form: string, upper: string, text: string): boolean {
  if (form === text || (text === upper && text !== text.toLowerCase())) return true;
  // A lower-case first word, capitalised at the start of a sentence.
  return form[0] !== upper[0] && text.length === form.length && text[0] === upper[0] && text.slice(1) === form.slice(1);
}
