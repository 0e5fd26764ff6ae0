// A knowledge file ten times larger, made from real shapes: what it costs matching, the background and the page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { knowledge } from "../../src/knowledge/index";
import { compileMatcher, type CompiledMatcher } from "../../src/core/mentions/compile";
import { findMentions } from "../../src/core/mentions/find";
import { quantile, ratio } from "./stats";
import { ROOT } from "./config";
import { fmt, table, kb } from "./format";
import { gz } from "./bundles";

/**
 * The real knowledge base plus nine synthetic copies, each entity renamed from real shapes: a person
 * gets another person's first name and a third person's surname (so first words collide as real names
 * do), an organization another's head words and a made-up acronym. Then: the matcher's size, what the
 * background pays to load it, and what matching costs per article page, against the real file.
 */
export interface Tenfold { budgets: string[][]; lines: string[] }

export function tenfoldKnowledge(real: CompiledMatcher, ids: string[], pageTexts: Map<string, string>): Tenfold {
  let seed = 20261201;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const people = knowledge.entities.filter((e) => e.type === "person");
  const firsts = people.map((e) => e.name.split(" ")[0]!);
  const lasts = people.map((e) => e.name.split(" ").slice(1).join(" ") || e.name);
  const orgWords = knowledge.entities.filter((e) => e.type === "organization").flatMap((e) => e.name.split(" ")).filter((w) => w.length > 3);
  const letters = "ABCDEFGHIKLMNOPRSTUVW";
  const synthetic = structuredClone(knowledge);
  for (let copy = 1; copy < 10; copy++) {
    for (const e of knowledge.entities) {
      const name = e.type === "person" ? `${pick(firsts)} ${pick(lasts)}` : `${pick(orgWords)} ${pick(orgWords)} ${e.name.split(" ").pop()}`;
      const acronym = Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick([...letters])).join("");
      const aliases = e.aliases.map((a, k) => (e.type === "person" ? `${name.split(" ")[0]} ${pick(lasts)}` : k === 0 ? acronym : `${pick(orgWords)} ${name}`));
      synthetic.entities.push({ ...e, id: `${e.id}-x${copy}`, name, aliases, contextAliases: [], related: [] });
    }
  }
  const t0 = performance.now();
  const big = compileMatcher(synthetic);
  const compileMs = performance.now() - t0;
  const parseMs = (m: CompiledMatcher) => {
    const json = JSON.stringify(m);
    const runs = [0, 1, 2, 3, 4].map(() => {
      const t = performance.now();
      JSON.parse(json);
      return performance.now() - t;
    });
    return { ms: quantile(runs, 0.5), bytes: json.length, gzip: gz(json) };
  };
  const perPage = (m: CompiledMatcher) => {
    const out: number[] = [];
    for (const id of ids) {
      const text = pageTexts.get(id);
      if (!text) continue;
      findMentions(text, m); // warm
      const runs = [0, 1, 2].map(() => {
        const t = performance.now();
        findMentions(text, m);
        return performance.now() - t;
      });
      out.push(quantile(runs, 0.5));
    }
    return out;
  };
  // The content scripts are built without the knowledge file (decision 006): a file of any size leaves them as they are.
  const content = ["content.js", "backstory.js"].map((f) => readFileSync(path.join(ROOT, "dist/chrome", f), "utf8")).join("\n");
  const idsInContent = knowledge.entities.filter((e) => e.id.includes("-") && content.includes(e.id)).length;
  const realRuns = perPage(real);
  const bigRuns = perPage(big);
  const realMedian = quantile(realRuns, 0.5);
  const bigMedian = quantile(bigRuns, 0.5);
  const perPageRatio = quantile(realRuns.map((r, i) => ratio(bigRuns[i]!, r)), 0.5);
  const realParse = parseMs(real);
  const bigParse = parseMs(big);
  const lines = [
    `Knowledge file ten times larger (${synthetic.entities.length} entities, ${Object.keys(big.aliases).length} alias keys; real: ${knowledge.entities.length}, ${Object.keys(real.aliases).length}), known-name matching in node on the ${realRuns.length} article texts above (warm, median of 3 per page)`,
    table(["", "real file", "×10 file", "ratio"], [
      ["matching per article page, median (ms)", fmt(realMedian, 3), fmt(bigMedian, 3), fmt(perPageRatio, 2)],
      ["content.js and backstory.js: entity ids they hold", String(idsInContent), "–", ""],
      ["compiled matcher, gzipped (background only)", kb(realParse.gzip), kb(bigParse.gzip), fmt(bigParse.gzip / realParse.gzip, 2)],
      ["background start: JSON.parse of the matcher (ms, once per background start)", fmt(realParse.ms, 2), fmt(bigParse.ms, 2), fmt(bigParse.ms / realParse.ms, 2)],
      ["build: compileMatcher (ms)", "", fmt(compileMs, 0), ""],
    ]),
  ];
  const pass = (ok: boolean) => (ok ? "pass" : "MISS");
  return {
    lines,
    budgets: [
      ["×10 knowledge file: matching per page within 10 % of the real file's (median per-page ratio)", `${fmt(perPageRatio, 2)}×`, pass(perPageRatio <= 1.1)],
      ["×10 knowledge file: page start-up unchanged (content.js and backstory.js hold none of the file's entity ids)", `${idsInContent} of ${knowledge.entities.length}`, pass(idsInContent === 0)],
    ],
  };
}
