// `node tools/run-ts.mjs tools/name-lexicon.ts`: regenerates src/core/mentions/lexicon.json,
// the word lists of the unknown-name recogniser, from compromise's lexicon (MIT, a dev
// dependency: the extension ships only the lists, never compromise). Nothing here comes
// from an evaluation set.
import { writeFileSync } from "node:fs";
import nlp from "compromise";
import { foldName } from "../src/core/text/fold";

const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;

function tagged(...tags: string[]): string[] {
  const out = new Set<string>();
  for (const [word, tag] of Object.entries(lexicon)) {
    const list = Array.isArray(tag) ? tag : [tag];
    // Abbreviations ("rd", "calif") and numbers are not names a reader sees capitalised.
    if (list.some((t) => tags.includes(t)) && /^\p{L}[\p{L} .&'-]+$/u.test(word) && word.replace(/\W/g, "").length >= 3) out.add(foldName(word));
  }
  return [...out].sort();
}

const lists = {
  source: "compromise 14 lexicon (MIT), via tools/name-lexicon.ts",
  firstNames: tagged("FirstName", "MaleName", "FemaleName"),
  lastNames: tagged("LastName"),
  places: tagged("Country", "City", "Region", "Place"),
  demonyms: tagged("Demonym"),
  organizations: tagged("Organization", "SportsTeam"),
};
// One "|"-joined string per list: the content script inlines this file.
const packed = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, Array.isArray(v) ? v.join("|") : v]));
const file = "src/core/mentions/lexicon.json"; // run from the project root, as npm scripts do
writeFileSync(file, JSON.stringify(packed, null, 1) + "\n");
console.log(Object.entries(lists).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.length : v}`).join("\n"));
