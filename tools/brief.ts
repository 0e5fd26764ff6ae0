// `npm run -s brief -- "NAME OR ALIAS" [--date YYYY-MM-DD]`: the briefing a card shows, as one JSON document.
import { knowledge } from "../src/knowledge/index";
import { briefingFor, findEntity } from "../src/core/knowledge/briefing";
import { isValidPartialDate } from "../src/core/knowledge/dates";

const args = process.argv.slice(2);
const dateAt = args.indexOf("--date");
const date = dateAt >= 0 ? args[dateAt + 1] : undefined;
const name = (dateAt >= 0 ? [...args.slice(0, dateAt), ...args.slice(dateAt + 2)] : args).join(" ").trim();
if (!name) {
  console.error('usage: npm run -s brief -- "NAME OR ALIAS" [--date YYYY-MM-DD]');
  process.exit(2);
}
if (dateAt >= 0 && (!date || !isValidPartialDate(date))) {
  console.error(`brief: --date needs YYYY-MM-DD, got "${date ?? ""}"`);
  process.exit(2);
}
const entity = findEntity(knowledge, name);
if (!entity) {
  console.error(`brief: "${name}" is not in the knowledge file`);
  process.exit(1);
}
console.log(JSON.stringify(briefingFor(knowledge, entity, date), null, 2));
