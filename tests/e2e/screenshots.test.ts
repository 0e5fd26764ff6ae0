/**
 * Every view in every mode, as pictures in test-output/ for a reviewer who
 * does not run anything: `BROWSER-MODE-VIEW.png` for the card and the popup's
 * page, timeline, search and entry views and the options page, in light and
 * dark, a 360 px window, 200 % zoom and a 24 px default font. Each picture is
 * taken once the view is really there (polled), and each extension page and the
 * card pass axe in each mode (a dark scheme has contrasts of its own).
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { axeSource, axeViolations } from "./axe";
import { OUTPUT, type BrowserName, type LaunchOptions, type TestPage } from "./browsers";
import { bringTo, openDemo, openPopupFor, waitForCard, zoomTab } from "./page";
import type { CardSnapshot } from "../../src/content/testing";

const browsers: BrowserName[] = ["chromium", "firefox"];

interface Mode extends LaunchOptions {
  /** Page zoom, as the reader sets it (tabs.setZoom), on every page shown. */
  zoom?: number;
}

const MODES: Record<string, Mode> = {
  light: { colorScheme: "light" },
  dark: { colorScheme: "dark" },
  "360px": { viewport: { width: 360, height: 740 } },
  // A 1200 × 900 window at 200 %: 600 × 450 CSS px.
  zoom200: { zoom: 2 },
  font24: { defaultFontSize: 24 },
};


/**
 * The card's WCAG 2.2 AA violations. Its shadow root is closed to the page and to axe, so axe looks at a copy:
 * its markup and stylesheet (from the test build's probe) in an open shadow root in the page's body, at the same place.
 */
async function cardViolations(page: TestPage, card: CardSnapshot): Promise<{ violations: string[]; contrastChecked: number }> {
  await page.evaluateScript(axeSource);
  return page.evaluateWith(async ([html, css]) => {
    type Rule = { id: string; nodes: { target: unknown[] }[] };
    type Axe = { run(ctx: object, options: object): Promise<{ violations: Rule[]; passes: Rule[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const host = document.createElement("div");
    host.id = "card-copy";
    const shadow = host.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    // As the card is once faded in: axe leaves text it sees at opacity 0 unchecked.
    sheet.replaceSync(`${css}\n.card { animation: none !important; }`);
    shadow.adoptedStyleSheets = [sheet];
    const mount = document.createElement("div");
    mount.innerHTML = html;
    shadow.append(mount);
    document.body.append(host);
    try {
      const result = await axe.run({ include: [["#card-copy"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
      return {
        violations: result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`)),
        // The copy was really looked at: its text's contrast was measured.
        contrastChecked: result.passes.find((p) => p.id === "color-contrast")?.nodes.length ?? 0,
      };
    } finally {
      host.remove();
    }
  }, [card.html, card.css] as const);
}

describe.each(browsers)("screenshots of every view in %s", (name) => {
  for (const [mode, launchOptions] of Object.entries(MODES)) {
    it(`in the mode "${mode}"`, async () => {
      const demo = await openDemo(name, launchOptions);
      const zoom = async (page: TestPage) => {
        if (launchOptions.zoom) await zoomTab(page, launchOptions.zoom);
      };
      const shot = (page: TestPage, view: string) => page.screenshot(path.join(OUTPUT, `${name}-${mode}-${view}.png`));
      const violations: string[] = [];
      const check = async (page: TestPage, view: string) => violations.push(...(await axeViolations(page)).map((v) => `${view}: ${v}`));
      try {
        const { page } = demo;
        await zoom(page);
        await page.bringToFront();
        const height = await page.evaluate(() => window.innerHeight);
        // High enough in a short window (200 %: 450 CSS px) for the whole card to fit below the name.
        const at = await bringTo(page, "Jens Stoltenberg", height < 600 ? 100 : 250);
        await page.mouseMove(at.x, at.y);
        // The briefing is in (its sources line) and the fade-in is over.
        const shown = await waitForCard(page, 5_000, (c) => /Sources/.test(c.text) && c.settled);
        await shot(page, "card");
        const cardCheck = await cardViolations(page, shown);
        expect(cardCheck.contrastChecked).toBeGreaterThan(5);
        violations.push(...cardCheck.violations.map((v) => `card: ${v}`));

        const { popup } = await openPopupFor(demo.browser);
        await zoom(popup);
        await popup.waitFor(() => document.querySelector('[data-entity="sergei-lavrov"]') !== null);
        await shot(popup, "popup-page");
        await check(popup, "page");

        await popup.click("#tab-timeline");
        await popup.waitFor(() => document.querySelector("[data-article-date]") !== null);
        await shot(popup, "popup-timeline");
        await check(popup, "timeline");

        await popup.click("#tab-search");
        await popup.waitFor(() => document.querySelector("#search-input") !== null);
        await popup.evaluate(() => {
          const input = document.querySelector<HTMLInputElement>("#search-input")!;
          input.value = "Lavrov";
          input.dispatchEvent(new Event("input", { bubbles: true }));
        });
        await popup.waitFor(() => document.querySelector('[data-result="sergei-lavrov"]') !== null);
        await shot(popup, "popup-search");
        await check(popup, "search");

        await popup.click('[data-result="sergei-lavrov"] button');
        // Wide (a page in a wide window) or one column (360 px, 200 %): the briefing, the role strip, the article's sentences.
        await popup.waitFor(() => {
          const panel = document.querySelector('[data-panel="sergei-lavrov"]');
          return !!panel?.querySelector("[data-briefing]") && !!panel.querySelector('[data-history="roles"] .bar') && !!panel.querySelector("[data-mentions] li");
        });
        if (mode === "360px") expect(await popup.evaluate(() => document.querySelector("[data-panel]")?.getAttribute("data-layout"))).toBe("narrow");
        await shot(popup, "popup-entry");
        await check(popup, "entry");

        const options = await demo.browser.openExtensionPage("options.html");
        await zoom(options);
        await options.waitFor(() => document.querySelector('input[name="markStyle"]:checked') !== null && document.querySelectorAll(".shortcuts kbd").length > 0);
        await shot(options, "options");
        await check(options, "options");
        expect(violations).toEqual([]);
      } finally {
        await demo.close();
      }
      // Six views, each pictured and checked, in a browser of its own: more than the suite's default on a busy machine.
    }, 90_000);
  }
});
