/**
 * The page cannot reach Backstory, and Backstory follows the page (tests/fixtures/integrity/), in
 * Chromium and Firefox: a page script that claims custom element names and records every shadow
 * root it can sees none of the card; forged input opens nothing and clicks nothing; a ticking
 * article keeps its open card and is not read again; a replaced <body> is read; the popup keeps the
 * page across same-document navigations; an extension reload leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { launch, type BrowserName, type TestBrowser, type TestPage } from "./browsers";
import { bringTo, card, counters, hasCard, openPopupFor, sleep, until, waitForCard, waitForMarks, waitForNoCard } from "./page";
// @ts-expect-error: a plain ES module without types
import { serve } from "../../tools/serve.mjs";

const browsers: BrowserName[] = ["chromium", "firefox"];

type Api = { tabs: { query(q: object): Promise<unknown[]> }; runtime: { reload(): void } };
type StorageApi = { storage: { sync: { set(items: object): Promise<void> }; local: { set(items: object): Promise<void> } } };
const tabCount = (control: TestPage) =>
  control.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    return (await (g.browser ?? g.chrome)!.tabs.query({})).length;
  });

describe.each(browsers)("integrity and lifecycle in %s", (name) => {
  let browser: TestBrowser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await serve("tests/fixtures/integrity"));
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  let visits = 0;
  /** Opens a fixture (at a URL of its own, so its tab is found by it), waits for its marks, runs `body`, closes it. */
  const visit = async (file: string, body: (page: TestPage) => Promise<void>) => {
    const page = await browser.newPage();
    try {
      await page.goto(`${url}${file}?visit=${++visits}`);
      await page.bringToFront();
      await waitForMarks(page, (n) => n.includes("Sergei Lavrov"));
      await card(page); // opens the control page once, and finds this page's tab
      await body(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  };

  it("a page that claimed custom element names and records shadow roots reaches nothing of the card", async () => {
    await visit("probe.html", async (page) => {
      const at = await bringTo(page, "Sergei Lavrov", 250);
      await page.mouseMove(at.x, at.y);
      const shown = await waitForCard(page, 5_000, (c) => /Minister of Foreign Affairs/.test(c.text));
      const probe = await page.evaluate(() => (window as unknown as { probeCard(): { reached: string[]; text: string } }).probeCard());
      // The page got hold of no root of ours, and sees none of the card's text anywhere…
      expect(probe.reached).toEqual([]);
      expect(probe.text).not.toContain("Minister of Foreign Affairs");
      expect(probe.text).not.toMatch(/Named \d+ times/);
      // …and the card is still ours: nothing the page wrote is in it.
      const after = await card(page);
      expect(after?.text).toBe(shown.text);
      expect(after?.controls.every((c) => c.href === null || !c.href.includes("evil.example"))).toBe(true);
      expect(page.messages.filter((m) => m.kind === "pageerror")).toEqual([]);
    });
  });

  it("forged pointer events open no card; forged clicks and keys run no action; the reader's own do", async () => {
    await visit("probe.html", async (page) => {
      const control = await browser.control();
      const at = await bringTo(page, "Jens Stoltenberg", 250);
      // Forged moves on the name for well over the hover delay.
      for (let i = 0; i < 12; i++) {
        await page.evaluateWith(([x, y]) => (window as unknown as { forge(x: number, y: number): string }).forge(x, y), [at.x, at.y] as const);
        await sleep(100);
      }
      expect(await hasCard(page)).toBe(false);
      // The reader's own pointer does open it.
      await page.mouseMove(at.x, at.y);
      // With its briefing: the card grows (and may move) when the briefing arrives, so its buttons are placed only then.
      const shown = await waitForCard(page, 5_000, (c) => /Secretary General/.test(c.text) && c.controls.some((b) => /full entry/i.test(b.text)));
      const button = shown.controls.find((b) => /full entry/i.test(b.text))!;
      const tabs = await tabCount(control);
      // Forged clicks on the button's spot, .click() on every element the page can find, a forged Escape.
      await page.evaluateWith(([x, y]) => (window as unknown as { forgeClicks(x: number, y: number): string }).forgeClicks(x, y), [button.x, button.y] as const);
      await sleep(500);
      expect(await tabCount(control)).toBe(tabs);
      expect((await card(page))?.name).toBe(shown.name);
      // A real click opens the full entry, once.
      await page.mouseClick(button.x, button.y);
      await until(async () => (await tabCount(control)) === tabs + 1, 5_000, () => "the full entry's tab");
    });
  });

  it("a clock and a relative time ticking inside the article keep the open card, and are not read again", async () => {
    await visit("ticker.html", async (page) => {
      const at = await bringTo(page, "Dmitry Peskov", 250);
      await page.mouseMove(at.x, at.y);
      await waitForCard(page, 5_000, (c) => c.name === "Dmitry Peskov");
      const before = await counters(page);
      const ticks = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
      // Past the debounce and the maximum wait (src/shared/timings.ts) many ticks over.
      await until(async () => (await page.evaluate(() => (window as unknown as { ticks: number }).ticks)) >= ticks + 20, 10_000, () => "20 more ticks");
      expect((await counters(page)).reads).toBe(before.reads);
      expect((await card(page))?.name).toBe("Dmitry Peskov");
      // A real change of the article's text is read.
      await page.evaluate(() => {
        const p = document.createElement("p");
        p.textContent = "Later on Monday, German foreign minister Heiko Maas added that the alliance's door stayed open.";
        document.querySelector("article")!.append(p);
      });
      await until(async () => (await counters(page)).reads > before.reads, 5_000, () => "a new read");
    });
  });

  it("follows a page that replaces its <body>", async () => {
    await visit("body-swap.html", async (page) => {
      expect(await page.evaluate(() => (window as unknown as { replaceBody(): boolean }).replaceBody())).toBe(true);
      await waitForMarks(page, (n) => n.includes("Mark Rutte") && !n.includes("Sergei Lavrov"));
      // And keeps following it: the new body is watched too.
      await page.evaluate(() => {
        const p = document.createElement("p");
        p.textContent = "Separately, Russia's foreign minister Sergei Lavrov said Moscow saw no reason to resume talks with the alliance.";
        document.querySelector("article")!.append(p);
      });
      await waitForMarks(page, (n) => n.includes("Mark Rutte") && n.includes("Sergei Lavrov"));
    });
  });

  it("the popup keeps the page across replaceState, pushState and a hash change", async () => {
    await visit("probe.html", async (page) => {
      const asked = (await counters(page)).documentAsked;
      await page.evaluate(() => {
        history.replaceState(null, "", "?edition=2");
        history.pushState(null, "", "#comments");
        location.hash = "#top";
      });
      if (name === "chromium") {
        // Chromium reports these as "loading" updates of the tab: wait until the background has checked the document.
        await until(async () => (await counters(page)).documentAsked > asked, 5_000, () => "the background's question");
      }
      const { popup } = await openPopupFor(browser);
      await popup.waitFor(() => document.querySelector('[data-state="article"]') !== null && document.querySelector('[data-entity="sergei-lavrov"]') !== null, 5_000);
      await popup.close();
    });
  });

  it("a settings change restarts only what it changes: another site's switch nothing, a style only the paint", async () => {
    await visit("probe.html", async (page) => {
      const control = await browser.control();
      // As settings-store.ts saves them: the sites list in storage.local, the rest in storage.sync.
      const save = ({ disabledSites = [], ...settings }: { disabledSites?: string[]; markStyle?: string }) =>
        control.evaluateWith(async ([sites, value]) => {
          const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
          const storage = (g.browser ?? g.chrome)!.storage;
          await storage.local.set({ disabledSites: sites });
          await storage.sync.set({ settings: value });
        }, [disabledSites, settings] as const);
      const at = await bringTo(page, "Heiko Maas", 250);
      await page.mouseMove(at.x, at.y);
      await waitForCard(page, 5_000, (c) => c.name === "Heiko Maas");
      const before = await counters(page);
      try {
        await save({ disabledSites: ["elsewhere.example"] });
        await save({ disabledSites: ["elsewhere.example"], markStyle: "tint" });
        await page.waitFor(() => CSS.highlights.has("backstory-tint-person") && !CSS.highlights.has("backstory-underline-person"), 5_000);
        expect((await counters(page)).reads).toBe(before.reads);
        expect((await card(page))?.name).toBe("Heiko Maas");
      } finally {
        await save({});
      }
    });
  });

  it("an extension reload under an open page leaves no marks, no card and no errors behind", async () => {
    await visit("probe.html", async (page) => {
      const control = await browser.control();
      const at = await bringTo(page, "Sergei Lavrov", 250);
      await page.mouseMove(at.x, at.y);
      await waitForCard(page, 5_000);
      void control.evaluate(() => {
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        (g.browser ?? g.chrome)!.runtime.reload();
      }).catch(() => undefined);
      // Chromium does not inject the new version into open pages: the old one must take itself down.
      // Firefox injects the new version, which clears what the old one left and marks the page again.
      const ours = () => Array.from(document.documentElement.children).filter((el) => el.hasAttribute("data-backstory-host")).length;
      if (name === "chromium") {
        await page.waitFor(() => ![...(CSS.highlights as unknown as Map<string, unknown>).keys()].some((k) => k.startsWith("backstory-")), 10_000);
        expect(await page.evaluate(ours)).toBe(0);
        // Hovering the orphaned page does nothing and throws nothing.
        await page.mouseMove(at.x + 1, at.y);
        await sleep(800);
        expect(await page.evaluate(ours)).toBe(0);
      } else {
        // The old card's host is gone (the new instance removed it) and the page is marked again.
        await page.waitFor(() => document.querySelector("html > [data-backstory-host]") === null && CSS.highlights.has("backstory-underline-person"), 15_000);
      }
      expect(page.messages.filter((m) => m.kind === "pageerror" || (m.type === "error" && /Extension context|extension/i.test(m.text)))).toEqual([]);
    });
  });
});
