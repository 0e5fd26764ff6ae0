import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { launch, type BrowserName, type TestBrowser } from "./browsers";
import { paintedTexts } from "./page";
// @ts-expect-error: a plain ES module without types
import { serve } from "../../tools/serve.mjs";

const browsers: BrowserName[] = ["chromium", "firefox"];
const painted = () => {
  const names: string[] = [];
  for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<Range>>) {
    if (/^backstory-(underline|tint|hidden)-(person|organization)/.test(name)) for (const r of h) names.push(r.toString());
  }
  return names;
};

describe.each(browsers)("pages that change after load, in %s", (name) => {
  let browser: TestBrowser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await serve("tests/fixtures/dynamic"));
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("marks an article whose body arrives after load", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}late.html`);
    await page.waitFor(() => CSS.highlights.has("backstory-underline-person"), 8_000);
    const names = await page.evaluateWith(paintedTexts, "person|organization");
    expect(names).toEqual(expect.arrayContaining(["NATO-Russia Council", "Jens Stoltenberg", "Alexander Grushko", "Stoltenberg"]));
  });

  it("notices a second article appended below the first", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}second-article.html`);
    await page.waitFor(() => CSS.highlights.has("backstory-underline-person"), 8_000);
    await page.waitFor(() => {
      const names: string[] = [];
      for (const [n, h] of CSS.highlights as unknown as Map<string, Iterable<Range>>) if (n.startsWith("backstory-underline")) for (const r of h) names.push(r.toString());
      return names.includes("Recep Tayyip Erdogan");
    }, 8_000);
    expect(await page.evaluate(painted)).toEqual(expect.arrayContaining(["Antony Blinken", "Jens Stoltenberg", "Ulf Kristersson"]));
  });

  it("re-reads the article after a single-page navigation", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}spa.html`);
    await page.waitFor(() => CSS.highlights.has("backstory-underline-person"), 8_000);
    expect(await page.evaluate(painted)).toContain("Sergei Lavrov");
    await page.click("#next");
    await page.waitFor(() => {
      const names: string[] = [];
      for (const [n, h] of CSS.highlights as unknown as Map<string, Iterable<Range>>) if (n.startsWith("backstory-underline")) for (const r of h) names.push(r.toString());
      return names.includes("Mark Rutte") && !names.includes("Sergei Lavrov");
    }, 8_000);
    expect(await page.evaluate(() => location.pathname)).toBe("/story-2");
  });
});
