import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { axeViolations } from "./axe";
import { launch, OUTPUT, until, type BrowserName, type TestPage } from "./browsers";
import { openDemo, openPopupFor, paintedTexts, type Demo } from "./page";
// @ts-expect-error: a plain ES module without types
import { serve } from "../../tools/serve.mjs";

const browsers: BrowserName[] = ["chromium", "firefox"];


describe.each(browsers)("the popup in %s", (name) => {
  let demo: Demo;
  let page: TestPage;
  let popup: TestPage;

  beforeAll(async () => {
    demo = await openDemo(name);
    page = demo.page;
    ({ popup } = await openPopupFor(demo.browser));
  });
  afterAll(() => demo?.close());

  it("lists people and organizations with their mention counts", async () => {
    const rows = await popup.evaluate(() =>
      Object.fromEntries(Array.from(document.querySelectorAll("[data-entity]")).map((li) => [li.getAttribute("data-entity"), li.querySelector(".count")?.textContent])),
    );
    expect(rows).toMatchObject({ "sergei-lavrov": "7", "jens-stoltenberg": "3", "dmitry-peskov": "1", "vladimir-putin": "1", "heiko-maas": "1", nato: "22", "nato-russia-council": "2" });
    // The demo's only names the file lacks are in its photo credits, which are not marked: no "Other names".
    expect(await popup.evaluate(() => document.querySelector("details.unknown") === null)).toBe(true);
    await popup.screenshot(path.join(OUTPUT, `${name}-popup-page.png`));
    expect(await axeViolations(popup)).toEqual([]);
  });

  it("scrolls the page to a mention and flashes it", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.click('[data-entity="heiko-maas"] button.row');
    await popup.click('[data-show="heiko-maas"]');
    await page.waitFor(() => {
      const flash = CSS.highlights.get("backstory-flash") as unknown as Set<Range> | undefined;
      const range = flash ? [...flash][0] : undefined;
      if (!range || range.toString() !== "Heiko Maas") return false;
      const r = range.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, 3_000);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  });

  it("reaches mentions that are not painted: the second Lavrov after the first is the caption's, unmarked", async () => {
    await popup.click('[data-entity="sergei-lavrov"] button.row');
    const flashed = () => {
      const flash = CSS.highlights.get("backstory-flash") as unknown as Set<Range> | undefined;
      const range = flash ? [...flash][0] : undefined;
      if (!range) return null;
      const painted = [...(CSS.highlights as unknown as Map<string, Set<Range>>)].filter(([k]) => /^backstory-underline-/.test(k)).flatMap(([, h]) => [...h]);
      return { text: range.toString(), painted: painted.some((r) => r.startContainer === range.startContainer && r.startOffset === range.startOffset) };
    };
    await popup.click('[data-show="sergei-lavrov"]');
    await page.waitFor(() => {
      const flash = CSS.highlights.get("backstory-flash") as unknown as Set<Range> | undefined;
      return flash !== undefined && [...flash][0]?.toString() === "Lavrov";
    }, 3_000);
    expect(await page.evaluate(flashed)).toEqual({ text: "Lavrov", painted: true });
    await popup.click('[data-show="sergei-lavrov"]');
    await page.waitFor(() => {
      const flash = CSS.highlights.get("backstory-flash") as unknown as Set<Range> | undefined;
      return flash !== undefined && [...flash][0]?.toString() === "Sergei Lavrov";
    }, 3_000);
    expect(await page.evaluate(flashed)).toEqual({ text: "Sergei Lavrov", painted: false });
  });

  it("places the article on the timeline, grouped by year, with filters, marking events involving its people", async () => {
    await popup.click("#tab-timeline");
    await popup.waitFor(() => document.querySelector("[data-article-date]") !== null);
    // "Around this article" first: a year either side, the article in place.
    const around = await popup.evaluate(() => Array.from(document.querySelectorAll(".timeline .year li")).map((li) => li.getAttribute("data-date") ?? li.getAttribute("data-article-date")));
    const at = around.indexOf("2021-10-18");
    expect(at).toBeGreaterThan(0);
    expect(around[at - 1]! <= "2021-10-18").toBe(true);
    expect(around).toContain("2021-11-01");
    expect(around.every((d) => d! >= "2020-10-18" && d! <= "2022-10-18")).toBe(true);
    expect(await popup.evaluate(() => document.querySelector('.timeline li.involves[data-date="2021-10-18"]') !== null)).toBe(true);
    await popup.screenshot(path.join(OUTPUT, `${name}-popup-timeline.png`));
    expect(await axeViolations(popup)).toEqual([]);

    const events = () => Array.from(document.querySelectorAll(".timeline li.event")).map((li) => ({ date: li.getAttribute("data-date")!, involves: li.classList.contains("involves") }));
    await popup.click('input[name="timeline-filter"][value="since"]');
    await popup.waitFor(() => document.querySelector('input[value="since"]:checked') !== null);
    const since = await popup.evaluate(events);
    expect(since.length).toBeGreaterThan(20);
    expect(since.every((e) => e.date > "2021-10-18")).toBe(true);

    await popup.click('input[name="timeline-filter"][value="all"]');
    await popup.waitFor(() => document.querySelector('input[value="all"]:checked') !== null);
    const all = await popup.evaluate(events);
    // NATO is on the page, and in nearly half the events: that alone does not make an event "involve" the page.
    const involving = all.filter((e) => e.involves).length;
    expect(involving).toBeGreaterThan(5);
    expect(involving).toBeLessThan(all.length / 2);
    // One or two lines per event (a longer title is cut until the event is opened), the marker on the title's first line.
    const rows = await popup.evaluate(() => {
      // Only the open year's events are laid out.
      return Array.from(document.querySelectorAll(".timeline details.year[open] li.event"), (li) => {
        const line = li.querySelector(".line")!;
        const lineHeight = parseFloat(getComputedStyle(line).lineHeight);
        const dot = li.querySelector(".dot")?.getBoundingClientRect() ?? null;
        const first = line.getClientRects()[0]!;
        return { lines: line.getBoundingClientRect().height / lineHeight, dotOnFirstLine: dot === null || (dot.top >= first.top - 1 && dot.bottom <= first.top + lineHeight + 1) };
      });
    });
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.lines > 2.05)).toEqual([]);
    expect(rows.every((r) => r.dotOnFirstLine)).toBe(true);
    // Every year is there, only the article's open.
    expect(await popup.evaluate(() => Array.from(document.querySelectorAll(".timeline details.year[open]")).map((d) => d.getAttribute("data-year")))).toEqual(["2021"]);
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2_500);
    await popup.screenshot(path.join(OUTPUT, `${name}-popup-timeline-years.png`));

    await popup.click('input[name="timeline-filter"][value="page"]');
    await popup.waitFor(() => document.querySelector('input[value="page"]:checked') !== null);
    const page = await popup.evaluate(events);
    expect(page.length).toBe(involving);
    expect(page.every((e) => e.involves)).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
  });

  it("searches the whole knowledge base, accents ignored", async () => {
    await popup.click("#tab-search");
    for (const [query, id] of [["Sergey Lavrov", "sergei-lavrov"], ["Erdogan", "recep-tayyip-erdogan"]] as const) {
      await popup.evaluateWith((q) => {
        const input = document.querySelector<HTMLInputElement>("#search-input")!;
        input.value = q;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, query);
      await popup.waitFor(() => document.querySelector("[data-result]") !== null);
      expect(await popup.evaluate(() => document.querySelector("[data-result]")?.getAttribute("data-result"))).toBe(id);
    }
    await popup.screenshot(path.join(OUTPUT, `${name}-popup-search.png`));
    await popup.click('[data-result="recep-tayyip-erdogan"] button');
    await popup.waitFor(() => document.querySelector('[data-panel="recep-tayyip-erdogan"] [data-briefing]') !== null);
    expect(await popup.evaluate(() => document.querySelector("[data-panel] .role")?.textContent)).toContain("President, Turkey");
    // The full entry adds what the card has no room for: every role on file, the events on the timeline.
    const history = await popup.evaluate(() => ({
      roles: Array.from(document.querySelectorAll('[data-history="roles"] li')).map((li) => li.textContent),
      events: document.querySelectorAll('[data-history="events"] li').length,
    }));
    expect(history.roles.some((r) => /President, Turkey/.test(r ?? ""))).toBe(true);
    expect(history.roles.length).toBeGreaterThan(1);
    expect(history.events).toBeGreaterThan(0);
    await popup.screenshot(path.join(OUTPUT, `${name}-popup-entry.png`));
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click(".back");
  });

  it("gives the popup's own full entry the role strip and the article's sentences, each shown in the page on request", async () => {
    await popup.click("#tab-search");
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>("#search-input")!;
      input.value = "Lavrov";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await popup.waitFor(() => document.querySelector('[data-result="sergei-lavrov"]') !== null);
    await popup.click('[data-result="sergei-lavrov"] button');
    await popup.waitFor(() => document.querySelectorAll('[data-panel="sergei-lavrov"] [data-mentions] li').length > 0);
    // This tab is wide; the one column (the toolbar popup, a 360 px window) is pictured and checked in screenshots.test.ts.
    const view = await popup.evaluate(() => ({
      strip: document.querySelectorAll('[data-history="roles"] .bar').length,
      lines: document.querySelectorAll("[data-mentions] li").length,
    }));
    expect(view).toEqual({ strip: 2, lines: 7 });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('[data-show-nth="0"]');
    await page.waitFor(() => {
      const flash = CSS.highlights.get("backstory-flash") as unknown as Set<Range> | undefined;
      return flash !== undefined && [...flash][0]?.toString() === "Lavrov";
    }, 5_000);
    await popup.bringToFront();
    await popup.click(".back");
  });

  it("opens the full entry in a wide window with the article's sentences naming it, each shown in the page on request", async () => {
    const tabId = await popup.evaluate(() => Number(new URLSearchParams(location.search).get("tab")));
    const entry = await demo.browser.openExtensionPage(`popup.html?tab=${tabId}&entity=sergei-lavrov`);
    try {
      await entry.waitFor(() => document.querySelectorAll("[data-mentions] li").length > 0);
      const view = await entry.evaluate(() => ({
        layout: document.querySelector("[data-panel]")?.getAttribute("data-layout"),
        bodyWidth: document.body.getBoundingClientRect().width,
        columns: getComputedStyle(document.querySelector(".panel")!).gridTemplateColumns.split(" ").length,
        lines: Array.from(document.querySelectorAll("[data-mentions] li q")).map((q) => ({ text: q.textContent ?? "", name: q.querySelector("mark")?.textContent })),
        strip: document.querySelectorAll('[data-history="roles"] .bar').length,
      }));
      expect(view.layout).toBe("wide");
      expect(view.bodyWidth).toBeGreaterThan(700);
      expect(view.columns).toBe(2);
      // Seven mentions, as the popup counts them, each a sentence around the name as the article writes it.
      expect(view.lines).toHaveLength(7);
      expect(view.lines.every((l) => l.name !== undefined && /Lavrov/.test(l.name) && l.text.length > l.name.length + 10)).toBe(true);
      expect(view.strip).toBeGreaterThan(0);
      await entry.screenshot(path.join(OUTPUT, `${name}-entry-wide.png`));
      expect(await axeViolations(entry)).toEqual([]);

      // The second mention is the caption's, unpainted: "Show in page" brings the article forward there.
      expect(view.lines[1]!.name).toBe("Sergei Lavrov");
      await entry.click('[data-show-nth="1"]');
      await page.waitFor(() => {
        const flash = CSS.highlights.get("backstory-flash") as unknown as Set<Range> | undefined;
        return document.visibilityState === "visible" && flash !== undefined && [...flash][0]?.toString() === "Sergei Lavrov";
      }, 5_000);
    } finally {
      await entry.close();
    }
    // The toolbar popup, and popup.html?tab=ID, stay narrow: the page view, at the popup's width.
    await popup.bringToFront();
    expect(await popup.evaluate(() => ({ width: document.body.getBoundingClientRect().width, state: document.querySelector("[data-state]")?.getAttribute("data-state") }))).toEqual({ width: 400, state: "article" });
  });

  it("switches marking off and on for the site without a reload", async () => {
    await popup.click("#tab-page");
    const siteSwitch = ".switches input[type=checkbox]";
    const before = await page.evaluateWith(paintedTexts, "person|organization|unknown");
    await popup.click(siteSwitch);
    await page.waitFor(() => ![...(CSS.highlights as unknown as Map<string, unknown>).keys()].some((k) => k.startsWith("backstory-underline")), 3_000);
    await popup.waitFor(() => document.querySelector('[data-state="off"]') !== null, 3_000);
    await popup.click(siteSwitch);
    await page.waitFor(() => CSS.highlights.has("backstory-underline-person"), 3_000);
    expect(await page.evaluateWith(paintedTexts, "person|organization|unknown")).toEqual(before);
  });
});

describe.each(browsers)("a page that is not an article, in %s", (name) => {
  it("is left alone, until the reader asks the popup to scan it anyway", async () => {
    const { server, url } = await serve("tests/fixtures/pages");
    const browser = await launch(name);
    try {
      const page = await browser.newPage();
      await page.goto(`${url}front.html`);
      const { popup } = await openPopupFor(browser);
      await popup.waitFor(() => document.querySelector('[data-state="no-article"]') !== null);
      // One message for the state: "No article found", not also "No known names".
      expect(await popup.evaluate(() => document.querySelectorAll("[role=tabpanel] p").length)).toBe(0);
      expect(await page.evaluate(() => [...(CSS.highlights as unknown as Map<string, unknown>).keys()].filter((k) => k.startsWith("backstory")))).toEqual([]);
      await popup.click('[data-state="no-article"] button');
      await page.waitFor(() => CSS.highlights.has("backstory-underline-person"), 5_000);
      // Each teaser is a section (its heading starts one): the name is marked in the heading, not again below it.
      expect(await page.evaluateWith(paintedTexts, "person")).toEqual(expect.arrayContaining(["Lavrov", "Stoltenberg", "Dmitry Peskov"]));
      await popup.waitFor(() => document.querySelector('[data-entity="sergei-lavrov"]') !== null, 5_000);
    } finally {
      await browser.close();
      server.close();
    }
  });
});

describe.each(browsers)("the options page in %s", (name) => {
  /** What the options page shows, once it has loaded the settings. */
  const shown = (options: TestPage) =>
    options.evaluate(() => ({
      style: document.querySelector<HTMLInputElement>('input[name="markStyle"]:checked')?.value,
      unknown: document.querySelector<HTMLInputElement>('input[name="kind-unknown"]')?.checked,
      every: document.querySelector<HTMLInputElement>('input[name="everyMention"]')?.checked,
      sites: Array.from(document.querySelectorAll("[data-site]")).map((li) => li.getAttribute("data-site")),
    }));
  /** Both storage areas, read from the extension page. */
  const stored = (options: TestPage) =>
    options.evaluate(async () => {
      type Area = { get(key: string): Promise<Record<string, unknown>> };
      type Api = { storage: { sync: Area; local: Area } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome)!;
      return { sync: (await api.storage.sync.get("settings"))["settings"] as Record<string, unknown> | undefined, sites: (await api.storage.local.get("disabledSites"))["disabledSites"] as string[] | undefined };
    });
  /** Adds sites through the page's own form, each once the one before is listed and stored, as a reader would. */
  const addSites = (options: TestPage, hosts: string[]) =>
    options.evaluateWith(async (list) => {
      type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const local = (g.browser ?? g.chrome)!.storage.local;
      const input = document.querySelector<HTMLInputElement>("#add-site")!;
      const done = async (host: string) =>
        document.querySelector(`[data-site="${host}"]`) !== null && ((await local.get("disabledSites"))["disabledSites"] as string[] | undefined)?.includes(host) === true;
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (const host of list) {
        input.value = host;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        // The form reads the field from the page's state, which takes a render: submitted until the page took it (it then empties the field).
        while (!(await done(host))) {
          await frame();
          if (input.value === host) input.form!.requestSubmit();
        }
      }
    }, hosts);

  it("keeps its settings and a long sites list across a browser restart, and passes an accessibility check", async () => {
    const profile = mkdtempSync(path.join(tmpdir(), `backstory-${name}-profile-`));
    // Far over the 8192 bytes one storage.sync item may hold (docs/decisions/011).
    const sites = Array.from({ length: 200 }, (_, i) => `site-${i}.a-long-regional-news-publisher.example`);
    try {
      let browser = await launch(name, { profile });
      let options = await browser.openExtensionPage("options.html");
      await options.waitFor(() => document.querySelector('input[name="markStyle"]') !== null);
      expect(await axeViolations(options)).toEqual([]);
      // Each mark style previewed on the sample sentence beside its choice; the delay's effect said under its field.
      const previews = await options.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLInputElement>('input[name="markStyle"]'), (input) => {
          const person = input.closest(".style-choice")!.querySelector(".preview .m-person")!;
          const style = getComputedStyle(person);
          return { value: input.value, underline: style.textDecorationLine.includes("underline"), tinted: style.backgroundColor !== "rgba(0, 0, 0, 0)", text: person.closest(".preview")!.textContent };
        }),
      );
      expect(previews.map(({ value, underline, tinted }) => ({ value, underline, tinted }))).toEqual([
        { value: "underline", underline: true, tinted: false },
        { value: "tint", underline: false, tinted: true },
        { value: "hover", underline: false, tinted: false },
      ]);
      expect(new Set(previews.map((p) => p.text)).size).toBe(1);
      expect(await options.evaluate(() => document.getElementById(document.querySelector("#hover-delay")!.getAttribute("aria-describedby")!)?.textContent)).toMatch(/150.+2000/);
      await options.screenshot(path.join(OUTPUT, `${name}-options.png`));
      await options.click('input[name="markStyle"][value="tint"]');
      await options.click('input[name="kind-unknown"]');
      await options.click('input[name="everyMention"]');
      await addSites(options, sites);
      expect(JSON.stringify(sites).length).toBeGreaterThan(8192);
      // A ceiling, not a wait: Firefox on a loaded 2-core machine once passed 10 s here.
      await until(async () => {
        const s = await stored(options);
        return s.sync?.["everyMention"] === true && s.sites?.length === sites.length;
      }, 30_000, () => "the settings saved");
      expect(await options.evaluate(() => document.querySelector(".save-failed")?.textContent)).toBe("");
      await browser.close();

      browser = await launch(name, { profile });
      options = await browser.openExtensionPage("options.html");
      await options.waitFor(() => document.querySelectorAll("[data-site]").length > 0);
      expect(await shown(options)).toEqual({ style: "tint", unknown: false, every: true, sites });
      await browser.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);

  it("says so when the browser refuses a change, and shows what is in effect", async () => {
    const browser = await launch(name);
    try {
      const options = await browser.openExtensionPage("options.html");
      await options.waitFor(() => document.querySelector('input[name="everyMention"]') !== null);
      // The browser's refusal (a quota or write-rate error) as its storage API gives it: the write rejects.
      await options.evaluate(() => {
        type Area = { set(items: object): Promise<void> };
        const g = globalThis as unknown as { browser?: { storage: { sync: Area } }; chrome?: { storage: { sync: Area } } };
        const sync = (g.browser ?? g.chrome)!.storage.sync;
        Object.defineProperty(sync, "set", { configurable: true, value: () => { throw new Error("QUOTA_BYTES quota exceeded"); } });
      });
      await options.click('input[name="everyMention"]');
      await options.waitFor(() => {
        const alert = document.querySelector(".save-failed");
        return alert !== null && !alert.hasAttribute("hidden") && (alert.textContent ?? "").includes("QUOTA_BYTES quota exceeded");
      }, 5_000);
      await options.waitFor(() => document.querySelector<HTMLInputElement>('input[name="everyMention"]')?.checked === false, 5_000);
      expect((await stored(options)).sync?.["everyMention"]).not.toBe(true);
      expect(await options.evaluate(() => document.querySelector(".save-failed")?.getAttribute("role"))).toBe("alert");
    } finally {
      await browser.close();
    }
  });
});

describe.each(browsers)("keyboard shortcuts in %s", (name) => {
  it("gives every command the manifest declares a shortcut, and the options page lists them", async () => {
    const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../manifest.json"), "utf8")) as { commands: Record<string, { suggested_key: { default: string } }> };
    const browser = await launch(name);
    try {
      const options = await browser.openExtensionPage("options.html");
      const commands = await options.evaluate(async () => {
        type Api = { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        return (await (g.browser ?? g.chrome)!.commands.getAll()).map((c) => ({ name: c.name, shortcut: c.shortcut }));
      });
      const byName = new Map(commands.map((c) => [c.name, c.shortcut]));
      for (const [command, declared] of Object.entries(manifest.commands)) {
        // A suggested key the browser does not accept is silently left unset: this is where that shows.
        expect(byName.get(command), `${command} in ${name}`).toBe(declared.suggested_key.default);
      }
      await options.waitFor(() => document.querySelectorAll(".shortcuts kbd").length > 0);
      expect(await options.evaluate(() => Array.from(document.querySelectorAll(".shortcuts kbd")).map((k) => k.textContent))).toEqual(Object.values(manifest.commands).map((c) => c.suggested_key.default));
    } finally {
      await browser.close();
    }
  });
});
