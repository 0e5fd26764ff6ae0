// `npm run eval:parity [-- N]`: does the CLI read a saved page as the browser does? For each page of
// ../shared/corpus/news-pages (the first N of each folder, default all), the article, headline, date and the start
// of the article text as `npm run scan` reads them (tools/lib/parse.ts) against the same core code run on the
// document headless Chromium builds from the same HTML (page scripts run, all network blocked).
import { readdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { readHtml } from "./lib/parse";
import { browserReader, cliReading } from "./lib/parity";
import { differences, FIELDS, START } from "./lib/reading";
import { CHROMIUM } from "./lib/browsers";
import { CORPUS, part, projectRoot, requireCorpus } from "./lib/corpus";

const corpus = path.join(CORPUS, "news-pages");
requireCorpus("eval:parity", [part("news-pages/article", "saved article pages"), part("news-pages/not-article", "saved pages that are not articles")]);
if (!CHROMIUM) {
  console.error("eval:parity: no Chromium installed (/usr/bin/chromium); nothing compared");
  process.exit(2);
}
const limit = Number(process.argv[2] ?? Infinity);

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
const reader = await browserReader(browser, projectRoot);
const differ = new Map<string, number>(FIELDS.map((f) => [f, 0]));
const misses: string[] = [];
let pages = 0, same = 0;
const show = (v: unknown) => JSON.stringify(typeof v === "string" ? v.replace(/\s+/g, " ").slice(0, 60) : v);
try {
  for (const label of ["article", "not-article"]) {
    const dir = path.join(corpus, label);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".html.gz")).sort().slice(0, limit)) {
      const html = readHtml(path.join(dir, file));
      const cli = cliReading(html);
      const seen = await reader.read(html);
      pages++;
      const bad = differences(cli, seen);
      for (const f of bad) differ.set(f, differ.get(f)! + 1);
      if (bad.length === 0) same++;
      else misses.push(`${label}/${file}: ${bad.map((f) => `${f}: CLI ${show(cli[f])} vs Chromium ${show(seen[f])}`).join("; ")}`);
    }
  }
} finally {
  await reader.close();
  await browser.close();
}

console.log(`Parity: the CLI's document (parse5's tree in linkedom nodes) vs Chromium's, same core code, ${pages} news-pages`);
console.log(`   all equal (isArticle, title, published, first ${START} characters of the article text): ${same}/${pages}`);
for (const f of FIELDS) console.log(`   ${f} differs: ${differ.get(f)}`);
if (misses.length) console.log(`\nDifferences:\n  ${misses.join("\n  ")}`);
