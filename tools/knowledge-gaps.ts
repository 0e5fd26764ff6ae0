// `npm run -s knowledge:gaps -- PATH…`: the people and organizations that articles name
// and the knowledge file does not hold, ranked by mentions and by pages, one example
// sentence each; and the share of person and organization name mentions the file covers.
// PATH: saved pages (.html, .html.gz), plain-text articles (.txt: headline, date, outlet,
// blank line, body — the nato-russia-texts format), or folders of them.
// `--top N` (default 60) rows; `--json` prints the whole ranking as JSON.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { readDocumentOrExit } from "./lib/parse";
import { knowledge } from "../src/knowledge/index";
import { compileMatcher } from "../src/core/mentions/compile";
import { findNames } from "../src/core/names-in-text";
import { readSteps } from "../src/core/read";
import { drain } from "../src/core/slices";
import { foldName } from "../src/core/text/fold";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : 60;
const asJson = args.includes("--json");
const paths = args.filter((a, i) => !a.startsWith("--") && (topAt < 0 || i !== topAt + 1));
if (paths.length === 0 || !Number.isInteger(top) || top < 1) {
  console.error("usage: npm run -s knowledge:gaps -- PATH… [--top N] [--json]");
  process.exit(2);
}

function files(p: string): string[] {
  let stat;
  try {
    stat = statSync(p);
  } catch {
    console.error(`knowledge:gaps: ${p}: no such file or folder`);
    process.exit(2);
  }
  if (stat.isDirectory()) return readdirSync(p).sort().flatMap((f) => files(path.join(p, f)));
  return /\.(html?|html?\.gz|txt)$/i.test(p) ? [p] : [];
}

const matcher = compileMatcher(knowledge);

/** The article text of one file, with its date and language: the body of a .txt, or what the content script would read on a page. */
function articleText(file: string): { text: string; date: string | null; lang?: string } | null {
  if (file.endsWith(".txt")) {
    const [headline = "", date = "", , ...body] = readFileSync(file, "utf8").split("\n");
    return { text: `${headline}\n${body.join("\n")}`, date: /^\d{4}-\d\d-\d\d$/.test(date.trim()) ? date.trim() : null };
  }
  const read = drain(readSteps(readDocumentOrExit(file, "knowledge:gaps")));
  return read.article.isArticle && read.map ? { text: read.map.text, date: read.article.published, lang: read.article.lang ?? undefined } : null;
}

function sentenceAround(text: string, start: number, end: number): string {
  const before = text.lastIndexOf("\n", start);
  const after = text.indexOf("\n", end);
  const para = text.slice(before + 1, after < 0 ? undefined : after);
  const at = start - before - 1;
  const from = Math.max(0, para.slice(0, at).search(/[^.!?]*$/));
  const stop = para.slice(at).search(/[.!?](\s|$)/);
  const sentence = para.slice(from, stop < 0 ? undefined : at + stop + 1);
  if (sentence.length <= 240) return sentence.replace(/\s+/g, " ").trim();
  // A long sentence is cut around the name, so the example always shows it.
  const name = at - from;
  const left = Math.max(0, Math.min(name - 100, sentence.length - 237));
  return `${left > 0 ? "…" : ""}${sentence.slice(left, left + 237).replace(/\s+/g, " ").trim()}…`;
}

interface Gap { name: string; type: string; mentions: number; pages: Set<string>; example: string; forms: Map<string, number> }
const gaps = new Map<string, Gap>();
let known = 0;
let unknown = 0;
/** Offices named without their holder and linked by the article's date ("the Ukrainian president"): not name mentions. */
let offices = 0;
let pages = 0;
let skipped = 0;
const all = paths.flatMap(files);
for (const file of all) {
  const article = articleText(file);
  if (article === null) {
    skipped++;
    continue;
  }
  pages++;
  const { text } = article;
  // What the extension marks: photo credits and datelines left out, offices linked by the article's date.
  const found = findNames(text, matcher, article.lang, article.date);
  known += found.mentions.filter((m) => !m.office).length;
  offices += found.mentions.filter((m) => m.office).length;
  for (const n of found.unknown) {
    unknown++;
    const key = foldName(n.text);
    let gap = gaps.get(key);
    if (!gap) gaps.set(key, (gap = { name: n.text, type: n.type, mentions: 0, pages: new Set(), example: sentenceAround(text, n.start, n.end), forms: new Map() }));
    gap.mentions++;
    gap.pages.add(file);
    gap.forms.set(n.text, (gap.forms.get(n.text) ?? 0) + 1);
  }
}

const ranked = [...gaps.values()]
  .map((g) => ({ ...g, name: [...g.forms].sort((a, b) => b[1] - a[1])[0]![0] }))
  .sort((a, b) => b.mentions - a.mentions || b.pages.size - a.pages.size || a.name.localeCompare(b.name));
const covered = known / Math.max(1, known + unknown);
const summary = {
  files: all.length,
  articles: pages,
  notArticles: skipped,
  knownMentions: known,
  unknownMentions: unknown,
  covered: `${(100 * covered).toFixed(1)} %`,
  distinctUnknown: ranked.length,
  officeReferences: offices,
};
if (asJson) {
  console.log(JSON.stringify({ ...summary, gaps: ranked.map((g) => ({ name: g.name, type: g.type, mentions: g.mentions, pages: g.pages.size, example: g.example })) }, null, 2));
} else {
  console.log(`${pages} articles (${skipped} files not articles); person and organization name mentions: ${known} known, ${unknown} unknown — ${summary.covered} covered; and ${offices} office references linked by date`);
  console.log(`${ranked.length} distinct unknown names; the ${Math.min(top, ranked.length)} most frequent:`);
  console.log("mentions  pages  type          name — example");
  for (const g of ranked.slice(0, top)) {
    console.log(`${String(g.mentions).padStart(8)}  ${String(g.pages.size).padStart(5)}  ${g.type.padEnd(12)}  ${g.name} — ${g.example}`);
  }
}
