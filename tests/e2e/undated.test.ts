import { describe, expect, it } from "vitest";
import path from "node:path";
import { launch, OUTPUT, type BrowserName, type TestPage } from "./browsers";
import { bringTo, openPopupFor, waitForCard, waitForMarks, waitForNoCard } from "./page";
// @ts-expect-error: a plain ES module without types
import { serve } from "../../tools/serve.mjs";

const browsers: BrowserName[] = ["chromium", "firefox"];
const NO_DATE = "No date found: roles as of today";

/** Hovers a name until its card shows a briefing that passes `check`; returns the card's text. */
async function cardFor(page: TestPage, name: string, check: (text: string) => boolean): Promise<string> {
  await page.bringToFront();
  await page.mouseMove(2, 2);
  await page.press("Escape");
  await waitForNoCard(page);
  const at = await bringTo(page, name, 200);
  await page.mouseMove(at.x, at.y);
  return (await waitForCard(page, 5_000, (c) => !c.text.includes("Loading") && check(c.text))).text;
}

describe.each(browsers)("an article whose page shows no date, in %s", (name) => {
  it("says roles are as of today, and takes the reader's date for the tab's cards and popup, kept across a reload", async () => {
    const { server, url } = await serve("tests/fixtures/pages");
    const browser = await launch(name);
    try {
      const page = await browser.newPage();
      await page.goto(`${url}undated.html`);
      await waitForMarks(page, (names) => names.includes("Jens Stoltenberg"));
      const { popup } = await openPopupFor(browser);

      await popup.waitFor(() => document.querySelector('[data-date="none"]') !== null && document.querySelector("[data-set-date]") !== null);
      expect(await popup.evaluate(() => document.querySelector("[data-date]")?.textContent)).toBe(NO_DATE);
      await popup.screenshot(path.join(OUTPUT, `${name}-popup-undated.png`));

      // Today Stoltenberg holds a Norwegian office: the card says the roles are today's.
      const today = await cardFor(page, "Jens Stoltenberg", (t) => t.includes(NO_DATE));
      expect(today).toContain("Minister of Finance");
      expect(today).not.toContain("Secretary General, NATO");

      await popup.bringToFront();
      await popup.evaluate(() => void (document.querySelector<HTMLInputElement>("#article-date")!.value = "2019-05-21"));
      await popup.click("[data-set-date] button[type=submit]");
      await popup.waitFor(() => document.querySelector('[data-date="reader"]') !== null);
      expect(await popup.evaluate(() => document.querySelector("[data-date]")?.textContent)).toMatch(/^Date you set: (21 May 2019|May 21, 2019)$/);
      // The popup's entries follow at once: the role then is NATO's Secretary General.
      await popup.click('[data-entity="jens-stoltenberg"] button.row');
      await popup.waitFor(() => document.querySelector('[data-briefing="jens-stoltenberg"] [data-role="then"]') !== null);
      expect(await popup.evaluate(() => document.querySelector('[data-briefing="jens-stoltenberg"] [data-role="then"]')?.textContent)).toContain("Secretary General, NATO");
      await popup.screenshot(path.join(OUTPUT, `${name}-popup-date-set.png`));

      const then = await cardFor(page, "Jens Stoltenberg", (t) => t.includes("Secretary General, NATO"));
      expect(then).not.toContain(NO_DATE);
      expect(then).toContain("Secretary General, NATO");

      // A reload is the same page in the same tab: the date stays.
      await page.goto(`${url}undated.html`);
      await waitForMarks(page, (names) => names.includes("Jens Stoltenberg"));
      await popup.waitFor(() => document.querySelector('[data-date="reader"]') !== null);
      expect(await cardFor(page, "Jens Stoltenberg", (t) => t.includes("Secretary General, NATO"))).not.toContain(NO_DATE);

      // Another page in the tab does not take it.
      await page.goto(`${url}undated.html?another`);
      await waitForMarks(page, (names) => names.includes("Jens Stoltenberg"));
      await popup.waitFor(() => document.querySelector('[data-date="none"]') !== null);

      await page.goto(`${url}undated.html`);
      await popup.waitFor(() => document.querySelector("[data-clear-date]") !== null);
      await popup.click("[data-clear-date]");
      await popup.waitFor(() => document.querySelector('[data-date="none"]') !== null);
      expect(await cardFor(page, "Jens Stoltenberg", (t) => t.includes(NO_DATE))).not.toContain("Secretary General, NATO");
    } finally {
      await browser.close();
      server.close();
    }
  });
});
