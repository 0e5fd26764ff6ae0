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
export function findMentions(text: string, matcher: CompiledMatcher, pattern?: RegExp): Mention[] {
  return drain(mentionSteps(text, matcher, pattern));
}

/** Matches between pauses. */
const MATCHES_PER_STEP = 500;

/** findMentions as steps that pause every few hundred matches. */
export function* mentionSteps(text: string, matcher: CompiledMatcher, pattern = new RegExp(matcher.pattern, "gu")): Steps<Mention[]> {
  const folded = foldText(text);
  const mentions: Mention[] = [];
  const introduced = new Map<number, number>(); // entity → position of its latest plain mention
  pattern.lastIndex = 0;
  let matches = 0;
  for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
    if (++matches % MATCHES_PER_STEP === 0) yield;
    const owners = matcher.aliases[foldName(m[0])];
    if (!owners) continue;
    if (opensLongerName(folded, m.index + m[0].length)) continue;
    const entity = resolve(owners, introduced, folded, m.index);
    if (entity === undefined) continue;
    // A name that can mean only this entity (a plain alias, or a context alias after a title)
    // introduces it: "Foreign Minister Maas said … Maas added".
    if (owners.length === 1) introduced.set(entity, m.index);
    const e = matcher.entities[entity]!;
    mentions.push({ start: m.index, end: m.index + m[0].length, entityId: e.id, name: e.name, type: e.type, text: text.slice(m.index, m.index + m[0].length) });
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
