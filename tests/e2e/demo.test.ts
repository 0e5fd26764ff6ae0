import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { OUTPUT, type BrowserName, type TestBrowser, type TestPage } from "./browsers";
import { bringTo, cardText, openDemo, openPopupFor, paintedTexts, pointOf, waitForCard, waitForMarks, waitForNoCard, type Demo } from "./page";

/** Every known name the demo article's body names, in document order (header, nav, aside, comments and footer excluded). */
const EVERY_MENTION = [
  "NATO", "NATO", "Lavrov", "Western Defense Alliance", "Russian embassy to NATO", "Sergei Lavrov",
  "Sergei Lavrov", "NATO", "NATO military liaison office", "NATO information office", "NATO", "Lavrov", "the Western alliance",
  "Western Defense Alliance", "NATO", "NATO", "Jens Stoltenberg", "Stoltenberg", "NATO", "NATO", "Kremlin", "the Alliance",
  "Dmitry Peskov", "Vladimir Putin", "NATO", "NATO", "Lavrov", "NATO", "the alliance", "NATO", "NATO", "Stoltenberg", "NATO",
  "UN General Assembly", "Lavrov", "NATO-Russia Council", "NATO", "Lavrov", "Heiko Maas", "EU", "NATO", "NATO-Russia Council", "The Alliance",
];

/**
 * What a calm page marks by default: each entity's first mention in each section (the article split at its
 * headings), nothing in the kicker ("NATO and Russia") or the headline. The article's four sections:
 * - the top, up to the first subheading: Lavrov and NATO (as "Western Defense Alliance") in the lead, the mission in
 *   the caption, the two NATO offices in the first paragraph;
 * - "Reaction to the expulsion…": NATO again (as "Western Defense Alliance"), Stoltenberg;
 * - "NATO wants to intensify dialogue": NATO in the subheading itself, then the Kremlin, Peskov, Putin, Lavrov,
 *   Stoltenberg, the UN General Assembly, the NATO–Russia Council;
 * - the last: Maas, the EU, NATO, the NATO–Russia Council.
 * 19 known marks instead of 43, and no unknown ones: the only names the briefing file lacks are in the photo
 * credits ("© Foto: Virginia Mayo (Keystone)"), which name who made the pictures, not whom the article is about.
 */
const EXPECTED_MARKS = [
  "Lavrov", "Western Defense Alliance", "Russian embassy to NATO", "NATO military liaison office", "NATO information office",
  "Western Defense Alliance", "Jens Stoltenberg",
  "NATO", "Kremlin", "Dmitry Peskov", "Vladimir Putin", "Lavrov", "Stoltenberg", "UN General Assembly", "NATO-Russia Council",
  "Heiko Maas", "EU", "NATO", "NATO-Russia Council",
];

const browsers: BrowserName[] = ["chromium", "firefox"];

describe.each(browsers)("the demo article in %s", (name) => {
  let demo: Demo;
  let browser: TestBrowser;
  let page: TestPage;

  beforeAll(async () => {
    demo = await openDemo(name);
    ({ browser, page } = demo);
  });
  afterAll(() => demo?.close());

  it("marks each known name once per section of the article body, not in the headline", async () => {
    expect(await page.evaluateWith(paintedTexts, "person|organization")).toEqual(EXPECTED_MARKS);
    expect((await page.evaluateWith(paintedTexts, "person|organization|unknown")).length).toBeLessThanOrEqual(25);
    await page.screenshot(path.join(OUTPUT, `${name}-demo-calm.png`));
  });

  it("marks nothing in the photo credits", async () => {
    expect(await page.evaluateWith(paintedTexts, "unknown")).toEqual([]);
  });

  it("shows a card for Lavrov after a dwell, and hides it after leaving", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const at = await pointOf(page, "Lavrov");
    await page.mouseMove(at.x - 3, at.y);
    await page.mouseMove(at.x, at.y);
    await waitForCard(page, 5_000, (c) => /Minister of Foreign Affairs, Russia/.test(c.text));
    const text = await cardText(page);
    expect(text).toContain("Sergei Lavrov");
    expect(text).toContain("Minister of Foreign Affairs, Russia (since 2004)");
    expect(text).toMatch(/Named 7 times in this article/);
    await new Promise((resolve) => setTimeout(resolve, 250)); // let the card's fade-in finish
    await page.screenshot(path.join(OUTPUT, `${name}-card.png`));
    await page.mouseMove(5, 5);
    await waitForNoCard(page, 3_000);
    expect(await cardText(page)).toBeNull();
  });

  it("says what Stoltenberg was then and is now", async () => {
    const at = await pointOf(page, "Jens Stoltenberg");
    await page.evaluateWith((y) => window.scrollBy(0, y - 300), at.y);
    const moved = await pointOf(page, "Jens Stoltenberg");
    await page.mouseMove(moved.x, moved.y);
    await waitForCard(page, 5_000, (c) => /Minister of Finance/.test(c.text));
    const text = await cardText(page);
    expect(text).toContain("Then: Secretary General, NATO (2014–2024)");
    // Open roles no recent page confirms are shown with their last confirmation, never as "now".
    expect(text).toMatch(/(Now:|Last confirmed [^:]+\d{4}:) Minister of Finance, Norway \(since 2025\)/);
    await page.mouseMove(5, 5);
  });

  it("leaves the page's DOM as it was, apart from our one shadow host", async () => {
    const diff = await page.evaluate(async () => {
      const original = new DOMParser().parseFromString(await (await fetch(location.href)).text(), "text/html");
      const extra = Array.from(document.documentElement.children).filter((el) => el.localName !== "head" && el.localName !== "body")
        .map((el) => el.localName === "div" && el.hasAttribute("data-backstory-host") && el.attributes.length === 1 && el.childNodes.length === 0 ? "our host" : el.outerHTML.slice(0, 80));
      // The first difference, with some context, or "" when the two are the same.
      const firstDifference = (a: string, b: string) => {
        let i = 0;
        while (i < a.length && a[i] === b[i]) i++;
        return a.length === b.length && i === a.length ? "" : `…${a.slice(Math.max(0, i - 60), i + 60)}… vs …${b.slice(Math.max(0, i - 60), i + 60)}…`;
      };
      return {
        extra,
        head: firstDifference(document.head.innerHTML, original.head.innerHTML),
        body: firstDifference(document.body.innerHTML, original.body.innerHTML),
      };
    });
    expect(diff.extra.filter((tag) => tag !== "our host")).toEqual([]);
    expect(diff.head).toBe("");
    expect(diff.body).toBe("");
  });

  it("marks every mention, the headline's included, when the reader asks, and goes back", async () => {
    const { popup: probe } = await openPopupFor(browser);
    const setEvery = (every: boolean) =>
      probe.evaluateWith(async (value) => {
        type Sync = { storage: { sync: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };
        const g = globalThis as unknown as { browser?: Sync; chrome?: Sync };
        const storage = (g.browser ?? g.chrome)!.storage.sync;
        const stored = ((await storage.get("settings")) as { settings?: object }).settings ?? {};
        await storage.set({ settings: { ...stored, everyMention: value } });
      }, every);
    try {
      await setEvery(true);
      await waitForMarks(page, (names) => names.length === EVERY_MENTION.length);
      expect(await page.evaluateWith(paintedTexts, "person|organization")).toEqual(EVERY_MENTION);
    } finally {
      await setEvery(false);
      await waitForMarks(page, (names) => names.length === EXPECTED_MARKS.length);
      await probe.close();
    }
  });

  it("lists the article's people and organizations in the popup, with their briefings", async () => {
    const { popup: probe } = await openPopupFor(browser);
    await probe.waitFor(() => document.querySelectorAll("[data-entity]").length > 0);
    const rows = await probe.evaluate(() => Array.from(document.querySelectorAll("[data-entity] .name")).map((e) => e.textContent));
    for (const expected of ["Sergei Lavrov", "Jens Stoltenberg", "Dmitry Peskov", "Vladimir Putin", "Heiko Maas", "NATO", "NATO–Russia Council"]) {
      expect(rows).toContain(expected);
    }
    expect(await probe.evaluate(() => document.querySelector("h1")?.textContent)).toBe("Russia ends dialogue with NATO");
    const lavrovCount = await probe.evaluate(() => document.querySelector('[data-entity="sergei-lavrov"] .count')?.textContent);
    expect(lavrovCount).toBe("7");
    await probe.click('[data-entity="sergei-lavrov"] button');
    await probe.waitFor(() => document.querySelector('[data-briefing="sergei-lavrov"]') !== null);
    expect(await probe.evaluate(() => document.querySelector('[data-briefing="sergei-lavrov"]')?.textContent)).toContain("Minister of Foreign Affairs");
    // Each related name keeps its comma on its own line.
    expect(await probe.evaluate(() => Array.from(document.querySelectorAll('[data-briefing="sergei-lavrov"] .related .nowrap')).filter((s) => s.getClientRects().length !== 1).length)).toBe(0);
    await probe.screenshot(path.join(OUTPUT, `${name}-popup.png`));
  });

  it("re-tints the marks when the page turns dark after loading, and back", async () => {
    const names = () => [...(CSS.highlights as unknown as Map<string, unknown>).keys()].filter((k) => k.startsWith("backstory-underline-")).sort();
    // No unknown names on the demo (its only ones are in photo credits): no highlight for them either.
    expect(await page.evaluate(names)).toEqual(["backstory-underline-organization", "backstory-underline-person"]);
    // The page's own theme switch, as a site's dark-mode toggle would do it.
    await page.evaluate(() => Object.assign(document.body.style, { background: "#111318", color: "#e8e8e8" }));
    await page.waitFor(() => CSS.highlights.has("backstory-underline-person-dark") && !CSS.highlights.has("backstory-underline-person"), 3_000);
    expect(await page.evaluateWith(paintedTexts, "person|organization")).toEqual(EXPECTED_MARKS);
    await page.screenshot(path.join(OUTPUT, `${name}-demo-dark-page.png`));
    await page.evaluate(() => document.body.removeAttribute("style"));
    await page.waitFor(() => CSS.highlights.has("backstory-underline-person") && !CSS.highlights.has("backstory-underline-person-dark"), 3_000);
  });

  // Chromium only: Firefox's driver sets the scheme only at launch (the listener, in session.ts, is the same code in both).
  if (name === "chromium") it("re-tints the marks when the reader's colour scheme changes under a page that follows it", async () => {
    if (!page.setColorScheme) throw new Error("this driver cannot switch the colour scheme");
    const dark = () => CSS.highlights.has("backstory-underline-person-dark") && !CSS.highlights.has("backstory-underline-person");
    // A page whose dark theme is a media query: no attribute changes when the scheme does.
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.id = "follows-scheme";
      style.textContent = "@media (prefers-color-scheme: dark) { body, body * { background: #111318 !important; color: #e8e8e8 !important; } }";
      document.head.append(style);
    });
    try {
      expect(await page.evaluate(dark)).toBe(false);
      await page.setColorScheme("dark");
      await page.waitFor(dark, 3_000);
      expect(await page.evaluateWith(paintedTexts, "person|organization")).toEqual(EXPECTED_MARKS);
      await page.setColorScheme("light");
      await page.waitFor(() => CSS.highlights.has("backstory-underline-person") && !CSS.highlights.has("backstory-underline-person-dark"), 3_000);
    } finally {
      await page.evaluate(() => document.getElementById("follows-scheme")?.remove());
      await page.setColorScheme("light");
    }
  });
});
