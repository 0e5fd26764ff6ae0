// `npm run -s knowledge:stale [--months N]`: open roles by the age of their last
// confirmation, oldest first; with --months, only those confirmed more than N months
// before the file's currentAsOf. One line each: age, confirmation date, who, role, source.
import { knowledge } from "../src/knowledge/index";
import { monthsBefore } from "../src/core/knowledge/validate";

const args = process.argv.slice(2);
const at = args.indexOf("--months");
const months = at >= 0 ? Number(args[at + 1]) : 0;
if (at >= 0 && !(Number.isInteger(months) && months >= 0)) {
  console.error(`knowledge:stale: --months needs a whole number, got "${args[at + 1] ?? ""}"`);
  process.exit(2);
}
const now = knowledge.header.currentAsOf;
const cutoff = monthsBefore(now, months);
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

const open = knowledge.entities.flatMap((e) =>
  e.roles.filter((r) => r.end === null).map((r) => ({ entity: e, role: r, confirmed: r.confirmed?.date ?? null })),
);
const rows = open
  .filter((o) => o.confirmed === null || o.confirmed <= cutoff)
  .sort((a, b) => (a.confirmed ?? "").localeCompare(b.confirmed ?? ""));
for (const { entity, role, confirmed } of rows) {
  const age = confirmed ? `${days(confirmed, now)} d` : "never";
  const source = role.confirmed ? `${role.confirmed.source.publisher}, ${role.confirmed.source.url}` : "no confirmation";
  console.log(`${age.padStart(6)}  ${confirmed ?? "----------"}  ${entity.name} — ${role.title}, ${role.organization}  (${source})`);
}
console.log(`${rows.length} of ${open.length} open roles${months ? ` confirmed more than ${months} months before ${now}` : ""}`);
