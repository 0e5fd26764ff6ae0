// Validates the knowledge base and prints its counts: entities by type, events by year,
// source references by class. Exits 1 on any problem, naming the entry and the rule.
// `npm run -s knowledge:check`.
import { knowledge, entityFiles } from "../src/knowledge/index";
import { citedSources, validateKnowledge } from "../src/core/knowledge/validate";
import { sourceJudge } from "../src/core/knowledge/sources";

const problems = validateKnowledge(knowledge);
for (const p of problems) console.error(`knowledge: ${p.where}: ${p.message} [${p.rule}]`);
if (problems.length > 0) {
  console.error(`knowledge: ${problems.length} problem(s)`);
  process.exit(1);
}

const count = <T>(items: T[], key: (t: T) => string) => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
};
const share = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;

const judge = sourceJudge(knowledge.sourcePolicy);
const cited = citedSources(knowledge).map((c) => {
  const v = judge(c.source.url);
  return { ...c, cls: v.kind === "accepted" ? v.publisher.class : v.kind };
});
const roleCited = cited.filter((c) => c.role);
const trusted = (list: typeof cited) => list.filter((c) => c.cls === "official" || c.cls === "news").length;
const roles = knowledge.entities.flatMap((e) => e.roles);
const dates = knowledge.timeline.map((e) => e.date).sort();

console.log(JSON.stringify({
  name: knowledge.header.name,
  version: knowledge.header.version,
  currentAsOf: knowledge.header.currentAsOf,
  entities: knowledge.entities.length,
  byType: count(knowledge.entities, (e) => e.type),
  byFile: Object.fromEntries(Object.entries(entityFiles).map(([name, list]) => [name, list.length])),
  roles: roles.length,
  openRoles: roles.filter((r) => r.end === null).length,
  timelineEvents: knowledge.timeline.length,
  timelineSpan: `${dates[0]} … ${dates[dates.length - 1]}`,
  eventsByYear: count(knowledge.timeline, (e) => e.date.slice(0, 4)),
  sourceReferences: cited.length,
  distinctSources: new Set(cited.map((c) => c.source.url)).size,
  publishersInPolicy: knowledge.sourcePolicy.publishers.length,
  referencesByClass: count(cited, (c) => c.cls),
  officialOrNews: share(trusted(cited), cited.length),
  roleSourcesOfficialOrNews: share(trusted(roleCited), roleCited.length),
  undatedSources: cited.filter((c) => c.source.published === null).length,
}, null, 2));
