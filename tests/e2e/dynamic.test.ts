import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { launch, type BrowserName, type TestBrowser } from "./browsers";
import { waitForMarks } from "./page";
// @ts-expect-error: a plain ES module without types
import { serve } from "../../tools/serve.mjs";

const browsers: BrowserName[] = ["chromium", "firefox"];

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
    const names = await waitForMarks(page, (n) => n.includes("Alexander Grushko"));
    // One section after the headline: the later "Stoltenberg" is the same person, not marked again.
    expect(names).toEqual(["NATO-Russia Council", "NATO", "Jens Stoltenberg", "Alexander Grushko"]);
  });

  it("notices a second article appended below the first", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}second-article.html`);
    const names = await waitForMarks(page, (n) => n.includes("Recep Tayyip Erdogan"));
    expect(names).toEqual(expect.arrayContaining(["Antony Blinken", "Jens Stoltenberg", "Ulf Kristersson"]));
  });

  it("re-reads the article after a single-page navigation", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}spa.html`);
    await waitForMarks(page, (n) => n.includes("Sergei Lavrov"));
    await page.click("#next");
    await waitForMarks(page, (n) => n.includes("Mark Rutte") && !n.includes("Sergei Lavrov"));
    expect(await page.evaluate(() => location.pathname)).toBe("/story-2");
  });
});
