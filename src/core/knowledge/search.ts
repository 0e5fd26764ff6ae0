import { foldName } from "../text/fold";
import type { Entity, Knowledge } from "./types";

/**
 * Entities whose name or alias matches a query, accents and case ignored:
 * exact names first, then names starting with the query, then names with a
 * word starting with it, then any other containing it.
 */
export function searchEntities(kb: Knowledge, query: string, limit = 20): Entity[] {
  const q = foldName(query);
  if (q.length === 0) return [];
  const scored: { entity: Entity; score: number }[] = [];
  for (const entity of kb.entities) {
    let best = Infinity;
    for (const name of [entity.name, ...entity.aliases, ...(entity.contextAliases ?? [])]) {
      const n = foldName(name);
      const score = n === q ? 0 : n.startsWith(q) ? 1 : n.includes(` ${q}`) || n.includes(`-${q}`) ? 2 : n.includes(q) ? 3 : Infinity;
      best = Math.min(best, score);
    }
    if (best < Infinity) scored.push({ entity, score: best });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
    .map((s) => s.entity);
}
