/**
 * Hostile and odd pages (tests/fixtures/hostile/, see tests/fixtures/README.md), in Chromium and
 * Firefox. On each: no error escapes from the extension, the page's own script still works (a click
 * handler sets a marker), and the extension either works (names marked, a hover shows a card) or
 * stands down quietly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { launch, OUTPUT, type BrowserName, type PageMessage, type TestBrowser, type TestPage } from "./browsers";
import { hasCard, sleep, card, waitForCard, waitForNoCard } from "./page";
import { writeFileSync } from "node:fs";
import path from "node:path";
// @ts-expect-error: a plain ES module without types
import { serve } from "../../tools/serve.mjs";

const browsers: BrowserName[] = ["chromium", "firefox"];
const EXTENSION_URL = /(chrome|moz)-extension:\/\//;
/** Messages the browser itself reports into a page's console (CSP violations and the like): not script errors. */
const BROWSER_REPORT = /Content[- ]Security[- ]Policy|violates the following Content Security Policy|character encoding of the/i;

/** What escaped from the extension: any page error (the fixtures' own scripts throw none), and extension console errors and warnings. */
function escaped(messages: PageMessage[]): string[] {
  return messages
    .filter((m) => (m.kind === "pageerror" && !BROWSER_REPORT.test(m.text)) ||
      (m.kind === "console" && /^(error|warn|warning)$/.test(m.type) && EXTENSION_URL.test(`${m.where} ${m.text}`)))
    .map((m) => `${m.kind} ${m.type}: ${m.text} @ ${m.where}`);
}

const standDowns = (messages: PageMessage[]) => messages.filter((m) => /Backstory stood down/.test(m.text)).map((m) => m.text);

// ---- page-world probes (they use the originals a hostile page saved, when it broke the globals) ----

function paintedCount(): number {
  const o = ((window as unknown as { __orig?: { CSS?: typeof CSS } }).__orig ?? {}).CSS ?? CSS;
  let n = 0;
  for (const [name, h] of o.highlights as unknown as Map<string, Set<Range>>) if (/^backstory-(underline|tint|hidden)-/.test(name)) n += h.size;
  return n;
}

/** Scrolls the `nth` painted range that has a box to mid-screen, and returns its centre (or null). */
function aimAt(nth: number): { x: number; y: number; text: string } | null {
  const o = (window as unknown as { __orig?: { CSS?: typeof CSS; rects?: () => DOMRectList } }).__orig ?? {};
  const rectsOf = (r: Range) => (o.rects ?? Range.prototype.getClientRects).call(r) as DOMRectList;
  const ranges: Range[] = [];
  for (const [name, h] of (o.CSS ?? CSS).highlights as unknown as Map<string, Set<Range>>) {
    if (/^backstory-(underline|tint|hidden)-/.test(name)) for (const r of h) ranges.push(r);
  }
  // The first usable ranges only: a box for each of thousands of ranges in one huge text node is slow.
  let r: Range | undefined;
  let seen = 0;
  for (const candidate of ranges) {
    if (candidate.collapsed || !candidate.startContainer.isConnected) continue;
    const rects = rectsOf(candidate);
    if (rects.length === 0 || rects[0]!.width === 0) continue;
    r = candidate;
    if (seen++ >= nth) break;
  }
  if (!r) return null;
  (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: "center", inline: "nearest" });
  const b = rectsOf(r)[0]!;
  return { x: b.left + Math.min(b.width / 2, 10), y: b.top + b.height / 2, text: r.toString() };
}


function hasMarks(): boolean {
  const o = ((window as unknown as { __orig?: { CSS?: typeof CSS } }).__orig ?? {}).CSS ?? CSS;
  for (const name of (o.highlights as unknown as Map<string, unknown>).keys()) if (/^backstory-(underline|tint|hidden)-/.test(name)) return true;
  return false;
}

function buttonCentre(): { x: number; y: number } {
  const b = document.getElementById("page-button")!;
  b.scrollIntoView({ block: "center" });
  const r = b.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

// -----------------------------------------------------------------------------------------------

describe.each(browsers)("hostile and odd pages in %s", (name) => {
  let browser: TestBrowser;
  let server: Server;
  let other: Server;
  let url: string;
  let crossPort: number;
  const record: Record<string, unknown> = {};

  beforeAll(async () => {
    ({ server, url } = await serve("tests/fixtures/hostile"));
    let otherUrl: string;
    ({ server: other, url: otherUrl } = await serve("tests/fixtures/hostile"));
    crossPort = Number(new URL(otherUrl).port);
    browser = await launch(name);
  });
  afterAll(async () => {
    writeFileSync(path.join(OUTPUT, `hostile-${name}.json`), JSON.stringify(record, null, 1));
    await browser?.close();
    server?.close();
    other?.close();
  });

  /** Opens a fixture, lets the extension work, and hands the page to `body`; then checks that nothing escaped. */
  const visit = async (file: string, body: (page: TestPage) => Promise<void>, options: { marks?: boolean; settleMs?: number } = {}) => {
    const page = await browser.newPage();
    try {
      await page.bringToFront();
      await page.goto(file.includes(":") ? file : url + file);
      if (options.marks) await page.waitFor(hasMarks, 15_000);
      else await sleep(options.settleMs ?? 1_000);
      await body(page);
      record[file] = { painted: await page.evaluate(paintedCount).catch(() => null), standDowns: standDowns(page.messages), messages: page.messages.slice(0, 50) };
      expect(escaped(page.messages)).toEqual([]);
    } finally {
      await Promise.race([page.close().catch(() => undefined), sleep(5_000)]);
    }
  };

  /** Hovers the `nth` painted name that has a box and expects a card. */
  const hoverShowsCard = async (page: TestPage, nth = 0) => {
    const at = await page.evaluateWith(aimAt, nth);
    expect(at, "a painted name to hover").not.toBeNull();
    await page.mouseMove(at!.x - 4, at!.y);
    await page.mouseMove(at!.x, at!.y);
    await waitForCard(page, 5_000);
    await page.mouseMove(2, 2);
    await waitForNoCard(page, 3_000);
  };

  /** The page's own click handler still runs on a real click. */
  const pageStillWorks = async (page: TestPage) => {
    await page.evaluate(() => document.body.removeAttribute("data-page-clicked"));
    await page.mouseMove(2, 2);
    const at = await page.evaluate(buttonCentre);
    await page.mouseClick(at.x, at.y);
    await page.waitFor(() => document.body.getAttribute("data-page-clicked") === "yes", 3_000);
  };

  // Chromium's renderer crashes on 10,000 levels even without the extension (checked with a plain
  // Chromium), so it gets 2,000; Firefox takes 10,000 but lays out nothing that deep (so no hover).
  it(`${name === "chromium" ? "2,000" : "10,000"} nested elements`, async () => {
    await visit(`deep-nesting.html?depth=${name === "chromium" ? 2000 : 10000}`, async (page) => {
      if ((await page.evaluateWith(aimAt, 0)) !== null) await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { marks: true });
  });

  it("100,000 elements", async () => {
    // The 50,000 spans of inline text outweigh the article's prose: detection may call this page no
    // article and stand down, which is fine; what it marks must give cards.
    await visit("many-elements.html", async (page) => {
      if ((await page.evaluateWith(aimAt, 0)) !== null) await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { settleMs: 3_000 });
  });

  it("contenteditable regions and form fields are never marked", async () => {
    await visit("editable.html", async (page) => {
      const inside = await page.evaluate(() => {
        const ranges: Range[] = [];
        for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>) if (name.startsWith("backstory-")) for (const r of h) ranges.push(r);
        return ranges
          .filter((r) => {
            const el = r.startContainer.parentElement;
            return !el || el.isContentEditable || el.closest('[contenteditable]:not([contenteditable="false"]), textarea, input, select, option, button') !== null;
          })
          .map((r) => r.toString());
      });
      expect(inside).toEqual([]);
      expect(await page.evaluate(paintedCount)).toBeGreaterThan(5);
      await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { marks: true });
  });

  it("same- and cross-origin iframes", async () => {
    await visit(`iframes.html?xo=${crossPort}`, async (page) => {
      await page.waitFor(() => (document.getElementById("same") as HTMLIFrameElement).contentDocument?.readyState === "complete", 5_000);
      await sleep(800);
      const frames = await page.evaluate(() => {
        const same = (document.getElementById("same") as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
        const sameKeys = Array.from((same.CSS.highlights as unknown as Map<string, unknown>).keys());
        const sameCard = same.document.querySelector("[data-backstory-host]") !== null;
        same.document.getElementById("page-button")!.click();
        return { sameKeys, sameCard, sameClicked: same.document.body.getAttribute("data-page-clicked") };
      });
      // The content script works in the top frame only: the framed article is left alone.
      expect(frames).toEqual({ sameKeys: [], sameCard: false, sameClicked: "yes" });
      expect(await page.evaluate(() => {
        const ranges: Range[] = [];
        for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>) if (name.startsWith("backstory-")) for (const r of h) ranges.push(r);
        return ranges.every((r) => r.startContainer.ownerDocument === document);
      })).toBe(true);
      await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { marks: true });
  });

  it("open shadow roots", async () => {
    await visit("shadow.html", async (page) => {
      // No painted range lies in the page's shadow root.
      expect(await page.evaluate(() => {
        const ranges: Range[] = [];
        for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>) if (name.startsWith("backstory-")) for (const r of h) ranges.push(r);
        return ranges.filter((r) => r.startContainer.getRootNode() !== document).map((r) => r.toString());
      })).toEqual([]);
      // Hovering a name inside the page's shadow root shows nothing and breaks nothing.
      const at = await page.evaluate(() => {
        const p = document.getElementById("widget")!.shadowRoot!.querySelector("p")!;
        p.scrollIntoView({ block: "center" });
        const r = p.getBoundingClientRect();
        return { x: r.left + 120, y: r.top + r.height / 2 };
      });
      await page.mouseMove(at.x, at.y);
      await sleep(900);
      expect(await hasCard(page)).toBe(false);
      await page.evaluate(() => (document.getElementById("widget")!.shadowRoot!.getElementById("shadow-button") as HTMLButtonElement).click());
      expect(await page.evaluate(() => document.body.getAttribute("data-shadow-clicked"))).toBe("yes");
      await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { marks: true });
  });

  it("SVG and MathML text is not marked", async () => {
    await visit("svg-mathml.html", async (page) => {
      expect(await page.evaluate(() => {
        const ranges: Range[] = [];
        for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>) if (name.startsWith("backstory-")) for (const r of h) ranges.push(r);
        return ranges.filter((r) => r.startContainer.parentElement?.closest("svg, math") != null).map((r) => r.toString());
      })).toEqual([]);
      await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { marks: true });
  });

  it("right-to-left text", async () => {
    await visit("rtl.html", async (page) => {
      await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { marks: true });
  });

  it("a page that breaks CSS, Highlight, Array.prototype.map, Node.prototype.contains and more in its own world", async () => {
    await visit("broken-globals.html", async (page) => {
      // The page's globals really are broken in its world…
      expect(await page.evaluate(() => { try { [1].map((x) => x); return "works"; } catch { return "broken"; } })).toBe("broken");
      // …and the extension, in its isolated world, marks and shows cards regardless.
      await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { marks: true });
  });

  it("a strict Content-Security-Policy (default-src 'none'; style-src 'none')", async () => {
    await visit("strict-csp.html", async (page) => {
      const at = await page.evaluateWith(aimAt, 0);
      await page.mouseMove(at!.x, at!.y);
      await waitForCard(page, 5_000);
      // The card's own styles still apply (a constructed stylesheet, not subject to the page's style-src).
      expect(["fixed", "absolute"]).toContain((await card(page))?.position);
      await page.mouseMove(2, 2);
      await waitForNoCard(page, 3_000);
      await pageStillWorks(page);
    }, { marks: true });
  });

  it("a page that removes our shadow host: the next hover shows a card again", async () => {
    await visit("remove-host.html", async (page) => {
      const at = await page.evaluateWith(aimAt, 0);
      await page.mouseMove(at!.x, at!.y);
      await waitForCard(page, 5_000);
      expect(await page.evaluate(() => (window as unknown as { removeCardHost(): boolean }).removeCardHost())).toBe(true);
      expect(await page.evaluate(() => document.querySelector("[data-backstory-host]"))).toBeNull();
      await page.mouseMove(2, 2);
      await sleep(600);
      await hoverShowsCard(page, 1);
      await pageStillWorks(page);
    }, { marks: true });
  });

  // An XHTML document served as application/xml has an <html> root and a body, but it is not an HTML
  // document: Backstory stands down on it (it once marked it, then threw on the first hover).
  it("an XHTML article served as application/xml", async () => {
    await visit("xhtml-article.xml", async (page) => {
      expect(await page.evaluate(() => document.contentType)).toBe("application/xml");
      // Either it marks and its cards work, or it stands down; a mark without a card is a broken page.
      if (await page.evaluate(hasMarks)) await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { settleMs: 1_500 });
  });

  it("a plain XML document", async () => {
    await visit("feed.xml", async (page) => {
      expect(await page.evaluate(hasMarks)).toBe(false);
    });
  });

  it("about:blank", async () => {
    await visit("about:blank", async (page) => {
      expect(await page.evaluate(() => location.href)).toBe("about:blank");
    }, { settleMs: 500 });
  });

  it("an article the page keeps editing while we scan", async () => {
    await visit("mutating.html", async (page) => {
      await page.waitFor(() => document.body.getAttribute("data-mutations-done") === "yes", 8_000);
      // Backstory re-reads the article once the edits stop (after its debounce); hover after that.
      await sleep(1_500);
      // Marks whose text the page removed collapse; any mark still on screen must still give a card.
      if ((await page.evaluateWith(aimAt, 0)) !== null) await hoverShowsCard(page);
      await pageStillWorks(page);
    }, { marks: true });
  });

  // One text node of 1,000,000 characters holds ~24,700 names. Firefox slows with every Range created in
  // one text node (~46 s for all of them), so Backstory counts every mark but paints at most 2,000, in
  // time slices. Placed last, as a frozen tab would hold up the next page of the same process.
  it("a single text node of a million characters: marked, and the page stays usable meanwhile", async () => {
    await visit("huge-text.html", async (page) => {
      // The page's own click handler answers while the scan runs in slices (how long it takes is for `npm run bench`).
      await pageStillWorks(page);
      await page.waitFor(hasMarks, 60_000);
      await pageStillWorks(page);
      await hoverShowsCard(page);
    }, { settleMs: 0 });
  }, 120_000);
});
