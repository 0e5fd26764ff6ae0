import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, marksOn, parseSettings, withSite } from "../../src/shared/settings";

describe("settings read from storage", () => {
  it("default when nothing is stored", () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings("garbage")).toEqual(DEFAULT_SETTINGS);
  });
  it("keep each valid field and default each corrupt one", () => {
    const s = parseSettings({ markStyle: "blink", hoverDelayMs: 800, kinds: { person: false, organization: "yes" }, everyMention: "always", paused: 1, disabledSites: ["example.com", 42, "bad host!", "example.com"] });
    expect(s).toEqual({
      markStyle: "underline",
      hoverDelayMs: 800,
      kinds: { person: false, organization: true, unknown: true },
      everyMention: false,
      paused: false,
      disabledSites: ["example.com"],
    });
  });
  it("keep a valid choice to mark every mention", () => {
    expect(parseSettings({ everyMention: true }).everyMention).toBe(true);
    expect(parseSettings({ everyMention: 1 }).everyMention).toBe(false);
  });
  it("refuse a hover delay outside its range", () => {
    expect(parseSettings({ hoverDelayMs: 5 }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(parseSettings({ hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(parseSettings({ hoverDelayMs: 1e9 }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });
});

describe("where marks are on", () => {
  it("follows the per-site switch and the global pause", () => {
    const off = withSite(DEFAULT_SETTINGS, "news.example", false);
    expect(marksOn(off, "news.example")).toBe(false);
    expect(marksOn(off, "other.example")).toBe(true);
    expect(marksOn(withSite(off, "news.example", true), "news.example")).toBe(true);
    expect(marksOn({ ...DEFAULT_SETTINGS, paused: true }, "other.example")).toBe(false);
  });
});
