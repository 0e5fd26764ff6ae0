import { describe, expect, it } from "vitest";
import { isDarkScheme, luminance, parseRgb } from "../../src/core/color";

describe("page colour scheme", () => {
  it("parses computed colours", () => {
    expect(parseRgb("rgb(255, 255, 255)")).toEqual([255, 255, 255, 1]);
    expect(parseRgb("rgba(0, 0, 0, 0)")).toEqual([0, 0, 0, 0]);
    expect(parseRgb("rgb(10 20 30 / 50%)")).toEqual([10, 20, 30, 0.5]);
    expect(parseRgb("transparent")).toBeNull();
  });
  it("measures luminance", () => {
    expect(luminance([255, 255, 255, 1])).toBeCloseTo(1);
    expect(luminance([0, 0, 0, 1])).toBe(0);
  });
  it("takes the first opaque background walking up", () => {
    expect(isDarkScheme(["rgba(0, 0, 0, 0)", "rgb(20, 22, 30)", "rgb(255, 255, 255)"], "rgb(230, 230, 230)")).toBe(true);
    expect(isDarkScheme(["rgba(0, 0, 0, 0)", "rgb(251, 250, 247)"], "rgb(29, 29, 31)")).toBe(false);
  });
  it("falls back to the text colour when no background is set", () => {
    expect(isDarkScheme(["rgba(0, 0, 0, 0)"], "rgb(240, 240, 240)")).toBe(true);
    expect(isDarkScheme([], "rgb(20, 20, 20)")).toBe(false);
  });
});
