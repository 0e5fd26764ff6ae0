// `npm run -s scan -- PAGE.html`: what the content script finds on a saved page, as one JSON document.
import { readDocumentOrExit } from "./lib/parse";
import { knowledge } from "../src/knowledge/index";
import { compileMatcher } from "../src/core/mentions/compile";
import { scanDocument } from "../src/core/scan";
import { readableText } from "../src/core/textmap/textmap";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run -s scan -- PAGE.html [--force]");
  process.exit(2);
}
const document = readDocumentOrExit(file, "scan");
const scan = scanDocument(document, compileMatcher(knowledge), { force: process.argv.includes("--force") });
console.log(JSON.stringify({
  isArticle: scan.article.isArticle,
  title: scan.article.title,
  titleFrom: scan.article.titleFrom,
  published: scan.article.published,
  publishedFrom: scan.article.publishedFrom,
  byline: scan.article.byline,
  lang: scan.article.lang,
  articleText: scan.map ? readableText(scan.map.text) : "",
  mentions: scan.mentions.map(({ entityId, name, type, text }) => ({ entityId, name, type, text })),
  unknown: scan.unknown.map(({ text, type }) => ({ text, type })),
}, null, 2));
