// Validates the knowledge base and prints its counts. Exits 1 on any problem,
// naming the entry and the rule. `npm run -s knowledge:check`.
import { knowledge } from "../src/knowledge/index";
import { validateKnowledge } from "../src/core/knowledge/validate";

const problems = validateKnowledge(knowledge);
for (const p of problems) console.error(`knowledge: ${p.where}: ${p.message} [${p.rule}]`);
if (problems.length > 0) {
  console.error(`knowledge: ${problems.length} problem(s)`);
  process.exit(1);
}
const byType: Record<string, number> = {};
for (const e of knowledge.entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
const urls = new Set<string>();
for (const e of knowledge.entities) {
  for (const s of e.sources) urls.add(s.url);
  for (const r of e.roles) urls.add(r.source.url);
}
for (const ev of knowledge.timeline) urls.add(ev.source.url);
console.log(JSON.stringify({
  name: knowledge.header.name, version: knowledge.header.version, currentAsOf: knowledge.header.currentAsOf,
  entities: knowledge.entities.length, byType,
  roles: knowledge.entities.reduce((n, e) => n + e.roles.length, 0),
  timelineEvents: knowledge.timeline.length, distinctSources: urls.size,
}, null, 2));
