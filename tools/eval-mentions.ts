// `npm run eval:mentions`: how well mention recognition does, on data in ../shared/corpus
// (not part of the repository; the script says so and exits 0 when it is absent).
// 1. the seed article's hand annotation: known-entity links and unknown names;
// 1b. real articles annotated in tests/fixtures/mentions-gold/ (texts read from ../shared/corpus/nato-russia-texts);
// 2. CoNLL-2003 English test: unknown-name detector and compromise, exact spans, PER and ORG;
// 3. speed of known-entity matching on a long text.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import nlp from "compromise";
import { knowledge } from "../src/knowledge/index";
import { compileMatcher } from "../src/core/mentions/compile";
import { findMentions, type Mention } from "../src/core/mentions/find";
import { findUnknownNames, type UnknownName } from "../src/core/mentions/names";
import { MARKED_TYPES } from "../src/core/scan";
import { foldName } from "../src/core/text/fold";
import type { EntityType } from "../src/core/knowledge/types";
import { CORPUS, part, requireCorpus } from "./lib/corpus";

const corpus = CORPUS;
requireCorpus("eval:mentions", [
  part("mentions/seed-gold.json", "the seed article's annotation"),
  part("../seed", "the seed article"),
  part("nato-russia-texts", "the annotated articles' texts"),
  part("conll2003/test.txt", "CoNLL-2003"),
]);

interface Gold { start: number; end: number; text: string; type: string; kind: "name" | "nominal"; entity: string }
const pct = (n: number, d: number) => (d === 0 ? "  n/a" : `${((100 * n) / d).toFixed(1).padStart(5)}`);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const matcher = compileMatcher(knowledge);
const rows: string[][] = [];

// ---------------------------------------------------------------- 1. seed article
const goldFile = path.join(corpus, "mentions/seed-gold.json");
const goldDoc = JSON.parse(readFileSync(goldFile, "utf8")) as { source: string; mentions: Gold[] };
const seed = readFileSync(path.resolve(path.dirname(goldFile), goldDoc.source), "utf8");

// Gold entity names → knowledge-base ids, through the KB's own names and aliases.
const byName = new Map<string, string>();
for (const e of knowledge.entities) for (const n of [e.name, ...e.aliases, ...(e.contextAliases ?? [])]) byName.set(foldName(n), e.id);
const typeOf = new Map(knowledge.entities.map((e) => [e.id, e.type]));
const mapping = new Map<string, string | null>();
for (const g of goldDoc.mentions) if (!mapping.has(g.entity)) mapping.set(g.entity, byName.get(foldName(g.entity)) ?? null);
console.log("Seed gold entity → knowledge-base id (by the KB's names and aliases, folded):");
for (const [name, id] of mapping) console.log(`  ${name.padEnd(40)} ${id ?? "-"}`);

const gold = goldDoc.mentions.map((g) => ({ ...g, id: mapping.get(g.entity) ?? null }));
const known = findMentions(seed, matcher);
const marked = known.filter((m) => MARKED_TYPES.has(m.type));
const linkable = gold.filter((g) => g.id && MARKED_TYPES.has(typeOf.get(g.id)!));
const inside = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start >= b.start && a.end <= b.end && (a.start !== b.start || a.end !== b.end);
// A prediction is right when it has a gold mention's span and entity, or when it is the head of a
// nominal gold mention of the same entity, sharing its start or end ("Russian embassy to NATO" in
// "the Russian embassy to NATO", "NATO military liaison office" in "NATO military liaison office in Moscow").
const rightFor = (m: Mention) =>
  linkable.find((g) => g.id === m.entityId && ((g.start === m.start && g.end === m.end) || (g.kind === "nominal" && m.start >= g.start && m.end <= g.end && (m.start === g.start || m.end === g.end))));
const wrong = marked.filter((m) => !rightFor(m));
const hits = new Set(marked.map(rightFor).filter(Boolean));
// A flat mark cannot also mark a name nested in it: "NATO" inside a linked "NATO military liaison office".
const names = linkable.filter((g) => g.kind === "name");
const subsumed = names.filter((g) => !hits.has(g) && [...hits].some((h) => h && inside(g, h)));
const wanted = names.filter((g) => !subsumed.includes(g));
const found = wanted.filter((g) => hits.has(g));
const nominalHits = linkable.filter((g) => g.kind === "nominal" && hits.has(g));
console.log(`\nKnown entities on the seed: ${marked.length} marks; gold: ${names.length} name mentions of KB people/organizations (${subsumed.length} nested in a linked longer mention, not counted), ${linkable.length - names.length} nominal (${nominalHits.length} linked).`);
for (const m of wrong) console.log(`  wrong link: ${m.start} "${m.text}" → ${m.entityId}`);
for (const g of wanted.filter((g) => !hits.has(g))) console.log(`  missed: ${g.start} "${g.text}" (${g.id})`);
for (const g of subsumed) console.log(`  nested, not counted: ${g.start} "${g.text}"`);
rows.push(["seed: known-entity links", pct(marked.length - wrong.length, marked.length), pct(found.length, wanted.length), "", `${marked.length} marks, ${wanted.length} gold names`]);

const unknownGold = gold.filter((g) => g.kind === "name" && !g.id && (g.type === "PERSON" || g.type === "ORG"));
const unknown = findUnknownNames(seed, known);
const typeName = (t: string) => (t === "PERSON" ? "person" : "organization");
const unknownRight = unknown.filter((u) => unknownGold.some((g) => g.start === u.start && g.end === u.end && typeName(g.type) === u.type));
console.log(`\nUnknown names on the seed (gold: person/organization names not in the KB):`);
for (const u of unknown) if (!unknownRight.includes(u)) console.log(`  wrong: ${u.start} "${u.text}" ${u.type}`);
for (const g of unknownGold) if (!unknown.some((u) => u.start === g.start && u.end === g.end && u.type === typeName(g.type))) console.log(`  missed: ${g.start} "${g.text}" ${g.type}`);
rows.push(["seed: unknown names", pct(unknownRight.length, unknown.length), pct(unknownRight.length, unknownGold.length), "", `${unknown.length} found, ${unknownGold.length} gold`]);

// ---------------------------------------------------------------- 1b. real articles, annotated in the repository
// tests/fixtures/mentions-gold/en.json holds the gold (conventions at its top); the texts stay in ../shared.
{
  const goldPath = "tests/fixtures/mentions-gold/en.json";
  const textsDir = path.join(corpus, "nato-russia-texts");
  type Entry = [at: number, text: string, label: string];
  const doc = JSON.parse(readFileSync(goldPath, "utf8")) as { articles: { file: string; mentions: Entry[] }[] };
  const known = { marks: 0, right: 0, gold: 0, found: 0 };
  const unk = { marks: 0, spans: 0, typed: 0, gold: 0, found: 0 };
  const errors: string[] = [];
  let articles = 0;
  for (const article of doc.articles) {
    const file = path.join(textsDir, article.file);
    if (!existsSync(file)) {
      console.log(`\n${file} is absent: article not scored.`);
      continue;
    }
    const text = readFileSync(file, "utf8");
    articles++;
    // Lines 2 and 3 are the date and the outlet: metadata, not read.
    const metaStart = text.indexOf("\n") + 1;
    const metaEnd = text.indexOf("\n\n", metaStart);
    const counted = (at: number) => at < metaStart || at > metaEnd;
    const gold = article.mentions.map(([at, span, label]) => {
      if (text.slice(at, at + span.length) !== span) throw new Error(`${goldPath}: ${article.file} has no "${span}" at ${at}: the text changed`);
      const optional = label.startsWith("~");
      const id = optional ? label.slice(1) : label;
      const type = typeOf.get(id) ?? (id === "person" || id === "organization" ? id : "place");
      return { start: at, end: at + span.length, text: span, id: typeOf.has(id) ? id : null, type, optional };
    });
    const found = findMentions(text, matcher);
    const marks = found.filter((m) => MARKED_TYPES.has(m.type) && counted(m.start));
    const linkable = gold.filter((g) => g.id && MARKED_TYPES.has(g.type as EntityType));
    const hit = new Set<object>();
    for (const m of marks) {
      known.marks++;
      const g = linkable.find((g) => g.start === m.start && g.end === m.end && g.id === m.entityId);
      if (g) (known.right++, hit.add(g));
      else errors.push(`${article.file} known, wrong: ${m.start} "${m.text}" → ${m.entityId}${gold.some((g) => g.start < m.end && g.end > m.start) ? ` (gold: ${gold.filter((g) => g.start < m.end && g.end > m.start).map((g) => `"${g.text}" ${g.id ?? g.type}`).join(", ")})` : ""}`);
    }
    for (const g of linkable.filter((g) => !g.optional)) {
      known.gold++;
      if (hit.has(g)) known.found++;
      else errors.push(`${article.file} known, missed: ${g.start} "${g.text}" (${g.id})`);
    }
    const names = gold.filter((g) => !g.optional && (g.type === "person" || g.type === "organization"));
    const unknownGold = names.filter((g) => !g.id);
    const unknown = findUnknownNames(text, found).filter((u) => counted(u.start));
    const matched = new Set<object>();
    for (const u of unknown) {
      unk.marks++;
      // A name the knowledge base holds but the matcher missed is still a right span for the recognizer.
      const g = names.find((g) => g.start === u.start && g.end === u.end);
      if (g) {
        unk.spans++;
        matched.add(g);
        if (g.type === u.type) unk.typed++;
        else errors.push(`${article.file} unknown, wrong type: ${u.start} "${u.text}" ${u.type} (gold ${g.type})`);
      } else {
        const near = gold.filter((g) => g.start < u.end && g.end > u.start);
        errors.push(`${article.file} unknown, wrong span: ${u.start} "${u.text}" ${u.type}${near.length ? ` (gold: ${near.map((g) => `"${g.text}" ${g.id ?? g.type}`).join(", ")})` : ""}`);
      }
    }
    for (const g of unknownGold) {
      unk.gold++;
      if (matched.has(g)) unk.found++;
      else errors.push(`${article.file} unknown, missed: ${g.start} "${g.text}" ${g.type}`);
    }
  }
  if (articles) {
    console.log(`\nReal articles (${articles} of ${doc.articles.length} in ${goldPath}, texts from ${textsDir}):`);
    for (const e of errors) console.log(`  ${e}`);
    rows.push([`${articles} articles: known names`, pct(known.right, known.marks), pct(known.found, known.gold), (100 * f1(known.right / (known.marks || 1), known.found / (known.gold || 1))).toFixed(1), `${known.marks} marks, ${known.gold} gold names`]);
    rows.push([`${articles} articles: unknown names (exact span)`, pct(unk.spans, unk.marks), pct(unk.found, unk.gold), "", `${unk.marks} marks, ${unk.gold} gold; type agreement ${pct(unk.typed, unk.spans).trim()} % of ${unk.spans}`]);
  } else console.log(`\n${textsDir} is absent: the annotated real articles are not scored.`);
}

// ---------------------------------------------------------------- 2. CoNLL-2003 test
interface Doc { text: string; gold: Set<string>; words: number }
const conllFile = path.join(corpus, "conll2003/test.txt");
const docs: Doc[] = [];
let lastEnd = 0;
if (existsSync(conllFile)) {
  const sentences = readFileSync(conllFile, "utf8").split(/\n\s*\n/).map((s) => s.split("\n").filter((l) => l.trim() && !l.startsWith("-DOCSTART-")).map((l) => l.split(" "))).filter((s) => s.length);
  // This copy has no -DOCSTART- lines: a story starts at its all-caps headline, found by the
  // dateline ("LONDON 1996-08-30") one or two sentences after it.
  const isDateline = (s: string[][]) => /\d{4}-\d\d-\d\d$/.test(s[s.length - 1]![0]!);
  const shouts = (s: string[][]) => s.filter((w) => /\p{L}/u.test(w[0]!)).every((w) => w[0] === w[0]!.toUpperCase());
  const starts = new Set<number>([0]);
  sentences.forEach((s, i) => {
    if (!isDateline(s)) return;
    let k = i;
    for (let back = 1; back <= 2 && i - back >= 0; back++) if (shouts(sentences[i - back]!)) k = i - back;
    starts.add(k);
  });
  let doc: Doc | null = null;
  sentences.forEach((s, i) => {
    if (starts.has(i) || !doc) docs.push((doc = { text: "", gold: new Set(), words: 0 }));
    const d = doc;
    if (d.text) d.text += "\n";
    let open: { type: string; start: number } | null = null;
    const closeEntity = (end: number) => {
      if (open && (open.type === "PER" || open.type === "ORG")) d.gold.add(`${open.start}:${end}:${open.type}`);
      open = null;
    };
    s.forEach((cols, w) => {
      if (w > 0) d.text += " ";
      const start = d.text.length;
      d.text += cols[0];
      d.words++;
      const tag = cols[cols.length - 1]!;
      const type = tag.slice(2);
      if (tag === "O" || tag.startsWith("B-") || (open && open.type !== type)) closeEntity(lastEnd);
      if (tag !== "O" && !open) open = { type, start };
      lastEnd = d.text.length;
    });
    closeEntity(lastEnd);
  });
}
type Span = { start: number; end: number; type: "PER" | "ORG" };
function score(name: string, predict: (text: string) => Span[]) {
  const t = { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 } };
  let ms = 0;
  let words = 0;
  for (const d of docs) {
    const t0 = performance.now();
    const spans = predict(d.text);
    ms += performance.now() - t0;
    words += d.words;
    const seen = new Set<string>();
    for (const s of spans) {
      const key = `${s.start}:${s.end}:${s.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (d.gold.has(key)) t[s.type].tp++;
      else t[s.type].fp++;
    }
    for (const g of d.gold) if (!seen.has(g)) t[g.endsWith("PER") ? "PER" : "ORG"].fn++;
  }
  for (const type of ["PER", "ORG"] as const) {
    const { tp, fp, fn } = t[type];
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    rows.push([`CoNLL test ${type}: ${name}`, pct(tp, tp + fp), pct(tp, tp + fn), (100 * f1(p, r)).toFixed(1), type === "PER" ? `${((1000 * ms) / words).toFixed(2)} ms / 1,000 words` : ""]);
  }
}

if (docs.length) {
  const ours = (text: string): Span[] =>
    findUnknownNames(text).map((u: UnknownName) => ({ start: u.start, end: u.end, type: u.type === "person" ? "PER" : "ORG" }));
  // compromise's offsets count the words' own characters; trailing punctuation is trimmed to CoNLL tokens.
  const theirs = (text: string): Span[] => {
    const doc = nlp(text);
    const spans: Span[] = [];
    const take = (list: unknown[], type: "PER" | "ORG") => {
      for (const o of list as { offset: { start: number; length: number } }[]) {
        let end = o.offset.start + o.offset.length;
        while (end > o.offset.start && /[\s.,;:!?'")]/.test(text[end - 1]!)) end--;
        spans.push({ start: o.offset.start, end, type });
      }
    };
    take(doc.people().json({ offset: true }), "PER");
    take(doc.organizations().json({ offset: true }), "ORG");
    return spans;
  };
  // One untimed pass each first: the timings compare warmed-up code, not start-up and JIT.
  for (const d of docs) (theirs(d.text), ours(d.text));
  score("compromise", theirs);
  score("Backstory", ours);
}

// ---------------------------------------------------------------- 3. speed of known matching
const long = Array.from({ length: 50 }, () => seed).join("\n");
const longWords = long.split(/\s+/).filter(Boolean).length;
/** The fastest of ten runs: the least disturbed by garbage collection and other work. */
function fastest(run: () => void): number {
  run();
  let best = Infinity;
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
const longKnown = findMentions(long, matcher);
const knownMs = fastest(() => findMentions(long, matcher));
const unknownMs = fastest(() => findUnknownNames(long, longKnown));
rows.push(["speed: known entities", "", "", "", `${((1000 * knownMs) / longWords).toFixed(3)} ms / 1,000 words (${longWords} words)`]);
rows.push(["speed: unknown names (same text)", "", "", "", `${((1000 * unknownMs) / longWords).toFixed(3)} ms / 1,000 words`]);
const lexiconBytes = gzipSync(readFileSync("src/core/mentions/lexicon.json")).length;
const matcherBytes = gzipSync(JSON.stringify(matcher)).length;
rows.push(["size, gzipped", "", "", "", `word lists ${(lexiconBytes / 1024).toFixed(1)} KB; compiled matcher ${(matcherBytes / 1024).toFixed(1)} KB`]);

const header = ["", "precision", "recall", "F1", ""];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ");
console.log("\n" + line(header));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const r of rows) console.log(line(r));
