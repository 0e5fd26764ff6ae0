import { describe, expect, it } from "vitest";
import { counts, IDLE_RESCAN, rescan, sameRead, SCANNING, settingsEffects, type PageChange, type RescanEvent, type RescanState } from "../../src/core/rescan";
import { RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS } from "../../src/shared/timings";
import { DEFAULT_SETTINGS, withSite } from "../../src/shared/settings";

const quiet: PageChange = { urlChanged: false, rootsGone: false, noArticle: false, removedText: "", addedText: "", marksBroken: false, largestAddition: 0 };

describe("which page changes call for a re-scan", () => {
  it("counts text added to or removed from the article", () => {
    expect(counts({ ...quiet, addedText: "Lavrov said" })).toBe(true);
    expect(counts({ ...quiet, removedText: "A paragraph about Stoltenberg." })).toBe(true);
    expect(counts({ ...quiet, removedText: "1 minute ago", addedText: "2 minutes ago" })).toBe(true);
  });
  it("ignores changes that add or remove no letters: images, empty ad slots, clocks, relative times", () => {
    expect(counts(quiet)).toBe(false);
    expect(counts({ ...quiet, removedText: "10:01:59", addedText: "10:02:00" })).toBe(false);
    expect(counts({ ...quiet, removedText: "Updated 3 minutes ago", addedText: "Updated 4 minutes ago" })).toBe(false);
    expect(counts({ ...quiet, addedText: "   \n  " })).toBe(false);
  });
  it("counts a navigation, a replaced article or body, and a mark whose text went away", () => {
    expect(counts({ ...quiet, urlChanged: true })).toBe(true);
    expect(counts({ ...quiet, rootsGone: true })).toBe(true);
    expect(counts({ ...quiet, marksBroken: true })).toBe(true);
  });
  it("on a page without an article, counts only new prose that may bring one", () => {
    expect(counts({ ...quiet, noArticle: true, addedText: "Live: 3 new posts", largestAddition: 17 })).toBe(false);
    expect(counts({ ...quiet, noArticle: true, addedText: "x".repeat(500), largestAddition: 500 })).toBe(true);
  });
});

function run(events: RescanEvent[], from: RescanState = IDLE_RESCAN) {
  let state = from;
  const effects: string[] = [];
  for (const e of events) {
    const [next, fx] = rescan(state, e);
    state = next;
    effects.push(...fx.map((f) => (f.type === "wait" ? `wait:${f.until}` : f.type)));
  }
  return { state, effects };
}

describe("the re-scan schedule", () => {
  it("debounces a burst into one scan", () => {
    const r = run([{ type: "change", at: 0 }, { type: "change", at: 100 }, { type: "timer", at: 100 + RESCAN_DEBOUNCE_MS }]);
    expect(r.effects).toEqual([`wait:${RESCAN_DEBOUNCE_MS}`, `wait:${100 + RESCAN_DEBOUNCE_MS}`, "scan"]);
    expect(r.state.phase).toBe("scanning");
  });
  it("a timer that fires early (it was set for an older change) waits again", () => {
    const r = run([{ type: "change", at: 0 }, { type: "change", at: 300 }, { type: "timer", at: RESCAN_DEBOUNCE_MS }]);
    expect(r.effects.at(-1)).toBe(`wait:${300 + RESCAN_DEBOUNCE_MS}`);
    expect(r.state.phase).toBe("waiting");
  });
  it("scans after the maximum wait on a page that never goes quiet", () => {
    const events: RescanEvent[] = [];
    for (let t = 0; t <= RESCAN_MAX_WAIT_MS; t += RESCAN_DEBOUNCE_MS / 2) events.push({ type: "change", at: t });
    const r = run(events);
    expect(r.effects.at(-1)).toBe(`wait:${RESCAN_MAX_WAIT_MS}`);
    expect(run([{ type: "timer", at: RESCAN_MAX_WAIT_MS }], r.state).effects).toEqual(["scan"]);
  });
  it("changes during a scan are not dropped: one more scan follows", () => {
    const r = run([{ type: "change", at: 10 }, { type: "change", at: 20 }, { type: "scan-done", at: 30 }], SCANNING);
    expect(r.effects).toEqual([`wait:${20 + RESCAN_DEBOUNCE_MS}`]);
    const next = run([{ type: "timer", at: 20 + RESCAN_DEBOUNCE_MS }, { type: "scan-done", at: 900 }], r.state);
    expect(next.effects).toEqual(["scan"]);
    expect(next.state).toEqual(IDLE_RESCAN);
  });
  it("a clean scan ends idle, and a stray timer does nothing", () => {
    expect(run([{ type: "scan-done", at: 5 }], SCANNING)).toEqual({ state: IDLE_RESCAN, effects: [] });
    expect(run([{ type: "timer", at: 5 }]).effects).toEqual([]);
  });
});

describe("what a settings change restarts", () => {
  const host = "news.example";
  it("nothing for another site's switch or an unchanged value", () => {
    expect(settingsEffects(DEFAULT_SETTINGS, withSite(DEFAULT_SETTINGS, "other.example", false), host)).toEqual([]);
    expect(settingsEffects(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS }, host)).toEqual([]);
  });
  it("switches this site off and on", () => {
    const off = withSite(DEFAULT_SETTINGS, host, false);
    expect(settingsEffects(DEFAULT_SETTINGS, off, host)).toEqual(["stop"]);
    expect(settingsEffects(off, DEFAULT_SETTINGS, host)).toEqual(["start"]);
    expect(settingsEffects(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, paused: true }, host)).toEqual(["stop"]);
    // Off stays off whatever else changes.
    expect(settingsEffects(off, { ...off, markStyle: "tint" }, host)).toEqual([]);
  });
  it("repaints for a style, retimes for a delay, restarts for other kinds", () => {
    expect(settingsEffects(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, markStyle: "tint" }, host)).toEqual(["restyle"]);
    expect(settingsEffects(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, hoverDelayMs: 900 }, host)).toEqual(["hover-delay"]);
    expect(settingsEffects(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, markStyle: "hover", hoverDelayMs: 900 }, host)).toEqual(["restyle", "hover-delay"]);
    expect(settingsEffects(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds, unknown: false } }, host)).toEqual(["restart"]);
    expect(settingsEffects(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, everyMention: true }, host)).toEqual(["restart"]);
  });
});

describe("an unchanged read keeps the session", () => {
  const a = {}, b = {};
  it("same text in the same nodes", () => {
    expect(sameRead({ text: "x y", nodes: [a, b] }, { text: "x y", nodes: [a, b] })).toBe(true);
  });
  it("not when the text or any node differs", () => {
    expect(sameRead({ text: "x y", nodes: [a, b] }, { text: "x z", nodes: [a, b] })).toBe(false);
    expect(sameRead({ text: "x y", nodes: [a, b] }, { text: "x y", nodes: [a, {}] })).toBe(false);
    expect(sameRead({ text: "x y", nodes: [a, b] }, { text: "x y", nodes: [a] })).toBe(false);
  });
});
