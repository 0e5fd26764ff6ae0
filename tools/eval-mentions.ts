// `npm run eval:mentions`: how well mention recognition does, on data in ../shared/corpus
// (not part of the repository; the script says so and exits 0 when it is absent).
// 1. the seed article's hand annotation: known-entity links and unknown names;
// 1b. real articles annotated in tests/fixtures/mentions-gold/ (texts read from ../shared/corpus/nato-russia-texts);
// 2. CoNLL-2003 English test: unknown-name detector and compromise, exact spans, PER and ORG;
// 3. speed of known-entity matching on a long text.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { parseDocument } from "./lib/parse";
import { readSteps } from "../src/core/read";
import { drain } from "../src/core/slices";
import path from "node:path";
import nlp from "compromise";
import { knowledge } from "../src/knowledge/index";
import { compileMatcher } from "../src/core/mentions/compile";
import { findMentions, type Mention } from "../src/core/mentions/find";
import { findUnknownNames, type UnknownName } from "../src/core/mentions/names";
import { MARKED_TYPES } from "../src/core/scan";
import { findNames } from "../src/core/names-in-text";
import { creditSpans, inSpans } from "../src/core/text/credits";
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
// What ships: known names and unknown ones as the background finds them (credits and datelines left out).
const seedFound = findNames(seed, matcher);
const marked = seedFound.mentions;
// The seed's gold also annotates its photo credits ("© Foto: Virginia Mayo (Keystone)"); Backstory marks nothing there by rule.
const seedCredits = creditSpans(seed);
const inSeedCredit = (g: { start: number; end: number }) => inSpans(seedCredits, g.start, g.end);
for (const g of goldDoc.mentions.filter(inSeedCredit)) console.log(`  in a photo credit or dateline, not counted: ${g.start} "${g.text}"`);
const linkable = gold.filter((g) => g.id && MARKED_TYPES.has(typeOf.get(g.id)!) && !inSeedCredit(g));
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

const unknownGold = gold.filter((g) => g.kind === "name" && !g.id && (g.type === "PERSON" || g.type === "ORG") && !inSeedCredit(g));
const unknown = seedFound.unknown;
const typeName = (t: string) => (t === "PERSON" ? "person" : "organization");
const unknownRight = unknown.filter((u) => unknownGold.some((g) => g.start === u.start && g.end === u.end && typeName(g.type) === u.type));
console.log(`\nUnknown names on the seed (gold: person/organization names not in the KB):`);
for (const u of unknown) if (!unknownRight.includes(u)) console.log(`  wrong: ${u.start} "${u.text}" ${u.type}`);
for (const g of unknownGold) if (!unknown.some((u) => u.start === g.start && u.end === g.end && u.type === typeName(g.type))) console.log(`  missed: ${g.start} "${g.text}" ${g.type}`);
rows.push(["seed: unknown names", pct(unknownRight.length, unknown.length), pct(unknownRight.length, unknownGold.length), "", `${unknown.length} found, ${unknownGold.length} gold`]);

// ---------------------------------------------------------------- 1b. real articles, annotated in the repository
// tests/fixtures/mentions-gold/en.json and de.json hold the gold (conventions at their tops); the texts stay outside.
type Entry = [at: number, text: string, label: string];
/** An annotated article's text, its date, its language, and which offsets count (metadata lines do not). */
interface Loaded { text: string; date: string | null; lang?: string; counted(at: number): boolean }

/** Known names, unknown names and office references of one annotated set, as rows of the table. */
function scoreSet(name: string, goldPath: string, load: (file: string) => Loaded | null, where: string): void {
  const doc = JSON.parse(readFileSync(goldPath, "utf8")) as { articles: { file: string; mentions: Entry[] }[] };
  const known = { marks: 0, right: 0, gold: 0, found: 0 };
  const unk = { marks: 0, spans: 0, typed: 0, gold: 0, found: 0 };
  const office = { marks: 0, right: 0, gold: 0, found: 0 };
  const errors: string[] = [];
  const outlets = new Set<string>();
  let articles = 0;
  let words = 0;
  for (const article of doc.articles) {
    const loaded = load(article.file);
    if (!loaded) {
      console.log(`\n${article.file} is absent (${where}): article not scored.`);
      continue;
    }
    const { text, counted } = loaded;
    articles++;
    outlets.add(article.file.replace(/^\d+-|-\d{4}-\d\d-\d\d\.txt$/g, ""));
    words += text.split(/\s+/).length;
    const gold = article.mentions.map(([at, span, label]) => {
      if (text.slice(at, at + span.length) !== span) throw new Error(`${goldPath}: ${article.file} has no "${span}" at ${at}: the text changed`);
      const optional = label.startsWith("~");
      const isOffice = label.startsWith("office:");
      const id = optional ? label.slice(1) : isOffice ? label.slice(7) : label;
      const type = typeOf.get(id) ?? (id === "person" || id === "organization" ? id : "place");
      return { start: at, end: at + span.length, text: span, id: typeOf.has(id) ? id : null, type, optional, office: isOffice };
    });
    const found = findNames(text, matcher, loaded.lang, loaded.date);
    const marks = found.mentions.filter((m) => counted(m.start) && !m.office);
    const linkable = gold.filter((g) => g.id && !g.office && MARKED_TYPES.has(g.type as EntityType));
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
    // Office references: "Finland's president" linked to whoever held the office at the article's date.
    const officeGold = gold.filter((g) => g.office);
    const officeHit = new Set<object>();
    for (const m of found.mentions.filter((m) => counted(m.start) && m.office)) {
      office.marks++;
      const g = officeGold.find((g) => g.start === m.start && g.end === m.end && g.id === m.entityId);
      if (g) (office.right++, officeHit.add(g));
      else errors.push(`${article.file} office, wrong: ${m.start} "${m.text}" → ${m.entityId} (${m.office})`);
    }
    for (const g of officeGold) {
      office.gold++;
      if (officeHit.has(g)) office.found++;
      else errors.push(`${article.file} office, missed: ${g.start} "${g.text}" (${g.id})`);
    }
    const names = gold.filter((g) => !g.optional && !g.office && (g.type === "person" || g.type === "organization"));
    const unknownGold = names.filter((g) => !g.id);
    const unknown = found.unknown.filter((u) => counted(u.start));
    const matched = new Set<object>();
    for (const u of unknown) {
      // An optional mention ("Bundesregierung", "des Heeres") may be marked or not: a mark there is neither right nor wrong.
      if (gold.some((g) => g.optional && g.start === u.start && g.end === u.end && (g.type === "person" || g.type === "organization" || g.id))) continue;
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
  if (!articles) {
    console.log(`\n${where} is absent: the annotated ${name} articles are not scored.`);
    return;
  }
  console.log(`\nReal ${name} articles (${articles} of ${doc.articles.length} in ${goldPath}, ${outlets.size} outlets, ${words} words; texts from ${where}):`);
  for (const e of errors) console.log(`  ${e}`);
  const label = `${articles} ${name} articles`;
  rows.push([`${label}: known names`, pct(known.right, known.marks), pct(known.found, known.gold), (100 * f1(known.right / (known.marks || 1), known.found / (known.gold || 1))).toFixed(1), `${known.marks} marks, ${known.gold} gold names`]);
  rows.push([`${label}: unknown names (exact span)`, pct(unk.spans, unk.marks), pct(unk.found, unk.gold), "", `${unk.marks} marks, ${unk.gold} gold; type agreement ${pct(unk.typed, unk.spans).trim()} % of ${unk.spans}`]);
  rows.push([`${label}: offices by date`, pct(office.right, office.marks), pct(office.found, office.gold), "", `${office.marks} marks, ${office.gold} gold office references`]);
}

const textsDir = path.join(corpus, "nato-russia-texts");
/** A .txt of nato-russia-texts: headline, date, outlet, blank line, body; lines 2 and 3 are metadata, not read. */
function loadText(file: string): Loaded | null {
  return loadTextAt(path.join(textsDir, file));
}
function loadTextAt(at: string): Loaded | null {
  if (!existsSync(at)) return null;
  const text = readFileSync(at, "utf8");
  const metaStart = text.indexOf("\n") + 1;
  const metaEnd = text.indexOf("\n\n", metaStart);
  const date = text.slice(metaStart, text.indexOf("\n", metaStart)).trim();
  return { text, date: /^\d{4}-\d\d-\d\d$/.test(date) ? date : null, counted: (at) => at < metaStart || at > metaEnd };
}
scoreSet("English", "tests/fixtures/mentions-gold/en.json", loadText, textsDir);

// German: two texts stored beside the gold (de-texts/), and German pages of the corpus read as the extension reads them.
const germanGold = "tests/fixtures/mentions-gold/de.json";
const germanFrom = new Map((JSON.parse(readFileSync(germanGold, "utf8")) as { articles: { file: string; from?: number }[] }).articles.map((a) => [a.file, a.from ?? 0]));
function loadGerman(file: string): Loaded | null {
  const from = germanFrom.get(file) ?? 0;
  if (file.endsWith(".txt")) {
    const loaded = loadTextAt(path.join("tests/fixtures/mentions-gold/de-texts", file));
    return loaded && { ...loaded, counted: (at) => at >= from && loaded.counted(at) };
  }
  const at = path.join(corpus, file);
  if (!existsSync(at)) return null;
  const read = drain(readSteps(parseDocument(file.endsWith(".gz") ? gunzipSync(readFileSync(at)).toString("utf8") : readFileSync(at, "utf8"))));
  if (!read.map) return null;
  return { text: read.map.text, date: read.article.published, lang: read.article.lang ?? undefined, counted: (offset) => offset >= from };
}
scoreSet("German", germanGold, loadGerman, `tests/fixtures/mentions-gold/de-texts and ${corpus}`);

// ---------------------------------------------------------------- 1c. office references across every text, judged by hand
// tests/fixtures/mentions-gold/offices-en.json: each office phrase found in any of the texts, with whom it refers to.
if (existsSync(textsDir)) {
  const judgedPath = "tests/fixtures/mentions-gold/offices-en.json";
  const judged = new Map((JSON.parse(readFileSync(judgedPath, "utf8")) as { judged: [string, number, string, string][] }).judged.map(([file, at, text, label]) => [`${file}:${at}:${text}`, label]));
  let marks = 0;
  let right = 0;
  let texts = 0;
  const notes: string[] = [];
  for (const file of readdirSync(textsDir).filter((f) => f.endsWith(".txt")).sort()) {
    const loaded = loadText(file)!;
    texts++;
    for (const m of findNames(loaded.text, matcher, undefined, loaded.date).mentions.filter((m) => m.office && loaded.counted(m.start))) {
      const label = judged.get(`${file}:${m.start}:${m.text}`);
      if (label === undefined) {
        notes.push(`  unjudged: ${file} ${m.start} "${m.text}" → ${m.entityId}`);
        continue;
      }
      marks++;
      if (label === m.entityId) right++;
      else notes.push(`  office, wrong: ${file} ${m.start} "${m.text}" → ${m.entityId} (judged: ${label})`);
    }
  }
  console.log(`\nOffice references in all ${texts} texts of ${textsDir}, judged in ${judgedPath}:`);
  for (const n of notes) console.log(n);
  rows.push([`${texts} texts: offices by date (judged)`, pct(right, marks), "", "", `${marks} judged marks of ${marks + notes.filter((n) => n.includes("unjudged")).length}; recall is on the annotated sets`]);
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
// What the background runs per page: both halves, credits and datelines, offices by the article's date.
const allMs = fastest(() => findNames(long, matcher, undefined, "2021-10-18"));
rows.push(["speed: all names, as find-names runs", "", "", "", `${((1000 * allMs) / longWords).toFixed(3)} ms / 1,000 words (known names: ${((1000 * knownMs) / longWords).toFixed(3)}; budget 1 ms)`]);
const lexiconBytes = gzipSync(readFileSync("src/core/mentions/lexicon.json")).length;
const matcherBytes = gzipSync(JSON.stringify(matcher)).length;
rows.push(["size, gzipped", "", "", "", `word lists ${(lexiconBytes / 1024).toFixed(1)} KB; compiled matcher ${(matcherBytes / 1024).toFixed(1)} KB`]);

const header = ["", "precision", "recall", "F1", ""];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ");
console.log("\n" + line(header));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const r of rows) console.log(line(r));
