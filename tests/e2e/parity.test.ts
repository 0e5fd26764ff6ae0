// The CLI reads a saved page as the browser does: on the real and self-made pages of tests/fixtures, the article,
// headline, date and the start of its text from tools/lib/parse.ts's document equal what the same core code reads
// from the document Chromium builds. (`npm run eval:parity` does the same on the corpus.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { browserReader, cliReading } from "../../tools/lib/parity";
import { CHROMIUM } from "../../tools/lib/browsers";
import type { Reading } from "../../tools/lib/reading";

const root = path.resolve(import.meta.dirname, "../..");
const PAGES = [
  "bbcnews-d9be6b06cf.html.gz", "dwnews-df716ac310.html.gz", "abcnews-4a6122f68e.html.gz", "huffnews-18edd68bc9.html.gz",
  "extraction-35b158918c67.html.gz", "extraction-6ebac05f637e.html.gz", "pages/ie-conditional.html", "pages/arabic-commas.html",
  "pages/deep-wrappers.html", "pages/consent-dialog.html", "pages/front.html", "pages/live-blog.html",
];
const html = (name: string) => {
  const raw = readFileSync(path.join(root, "tests/fixtures", name));
  return (name.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
};

describe("the CLI's document and Chromium's read alike", () => {
  let browser: Browser;
  let reader: Awaited<ReturnType<typeof browserReader>>;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    reader = await browserReader(browser, root);
  });
  afterAll(async () => {
    await reader?.close();
    await browser?.close();
  });
  it.each(PAGES)("%s", async (name) => {
    const page = html(name);
    const norm = (r: Reading) => ({ ...r, text: r.text.replace(/\s+/g, " ").trim() });
    expect(norm(cliReading(page))).toEqual(norm(await reader.read(page)));
  });
});
