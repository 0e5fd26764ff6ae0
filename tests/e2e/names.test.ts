import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { OUTPUT, type BrowserName, type TestPage } from "./browsers";
import { bringTo, cardText, openPage, openPopupFor, paintedTexts, waitForCard, waitForNoCard, type Demo } from "./page";

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
    expect(await page.evaluateWith(paintedTexts, "unknown")).toEqual(["Marta Kowalczyk", "Elena Marchetti", "Kowalczyk"]);
  });

  it("lists them in the popup under Other names, their counts and Show in page in columns", async () => {
    const { popup } = await openPopupFor(demo.browser);
    try {
      await popup.waitFor(() => document.querySelector('details.unknown [data-unknown="Elena Marchetti"]') !== null);
      await popup.click("details.unknown summary");
      await popup.waitFor(() => document.querySelector("details.unknown[open]") !== null);
      const rows = await popup.evaluate(() =>
        Array.from(document.querySelectorAll("details.unknown [data-unknown]"), (li) => ({
          name: li.querySelector(".name")!.textContent,
          count: li.querySelector(".count")!.getBoundingClientRect().right,
          button: li.querySelector("button")!.getBoundingClientRect().left,
        })),
      );
      // Names of different lengths, the same columns.
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(["Marta Kowalczyk", "Elena Marchetti", "Kowalczyk"]));
      for (const r of rows) {
        expect(Math.abs(r.count - rows[0]!.count), r.name!).toBeLessThan(1);
        expect(Math.abs(r.button - rows[0]!.button), r.name!).toBeLessThan(1);
      }
      await popup.screenshot(path.join(OUTPUT, `${name}-popup-other-names.png`));
    } finally {
      await popup.close();
    }
  });

  it("says what the article says about an unknown name, and honestly that the briefing file has nothing on it", async () => {
    const at = await bringTo(page, "Marta Kowalczyk", 300);
    await page.mouseMove(at.x, at.y);
    await waitForCard(page, 5_000, (c) => /nothing on this name/.test(c.text));
    const text = await cardText(page);
    expect(text).toContain("Name, probably a person");
    expect(text).toContain("The article: “the assistant secretary of state for European affairs”");
    expect(text).toContain("Named once in this article.");
    await page.screenshot(path.join(OUTPUT, `${name}-card-unknown.png`));
    await page.mouseMove(5, 5);
    await waitForNoCard(page, 3_000);
  });

  it("marks offices named without their holder more quietly, and says who held them on the article's date", async () => {
    expect(await page.evaluateWith(paintedTexts, "office")).toEqual(["Russia's foreign minister", "secretary general"]);
    // NATO keeps its own mark before its office.
    expect(await page.evaluateWith(paintedTexts, "organization")).toEqual(["NATO"]);
    const at = await bringTo(page, "Russia's foreign minister", 300);
    await page.mouseMove(at.x, at.y);
    await waitForCard(page, 5_000, (c) => /who held the office/.test(c.text));
    const text = await cardText(page);
    expect(text).toContain("Sergei Lavrov");
    expect(text).toContain("Named here by office");
    expect(text).toMatch(/Here “Russia's foreign minister”: who held the office on (22 December 2021|December 22, 2021)\./);
    expect(text).toContain("Minister of Foreign Affairs, Russia");
    await page.screenshot(path.join(OUTPUT, `${name}-card-office.png`));
    await page.mouseMove(5, 5);
    await waitForNoCard(page, 3_000);
  });
});
