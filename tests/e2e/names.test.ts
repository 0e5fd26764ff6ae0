import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserName, TestPage } from "./browsers";
import { bringTo, cardText, openPage, paintedTexts, waitForCard, waitForNoCard, type Demo } from "./page";

/**
 * tests/fixtures/pages/names.html: an article (22 December 2021) whose names the briefing file mostly lacks,
 * with a dateline, a byline, a labelled photo credit and one run into the text.
 */
const browsers: BrowserName[] = ["chromium", "firefox"];

describe.each(browsers)("names the briefing file lacks, in %s", (name) => {
  let demo: Demo;
  let page: TestPage;

  beforeAll(async () => {
    demo = await openPage(name, "tests/fixtures/pages", "names.html", "unknown");
    ({ page } = demo);
  });
  afterAll(() => demo?.close());

  it("marks the unknown person, and nothing in the byline, the dateline or the photo credits", async () => {
    expect(await page.evaluateWith(paintedTexts, "unknown")).toEqual(["Karen Donfried", "Donfried"]);
  });

  it("says honestly that the briefing file has nothing on an unknown name", async () => {
    const at = await bringTo(page, "Karen Donfried", 300);
    await page.mouseMove(at.x, at.y);
    await waitForCard(page, 5_000, (c) => /nothing on this name/.test(c.text));
    const text = await cardText(page);
    expect(text).toContain("Name, probably a person");
    expect(text).toContain("Named once in this article.");
    await page.mouseMove(5, 5);
    await waitForNoCard(page, 3_000);
  });
});
