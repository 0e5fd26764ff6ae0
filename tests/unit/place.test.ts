import { describe, expect, it } from "vitest";
import { placeCard } from "../../src/core/layout/place";

const viewport = { width: 1000, height: 800 };
const card = { width: 320, height: 200 };

describe("placeCard", () => {
  it("goes below the name's line, from its left edge, in the upper left", () => {
    expect(placeCard({ left: 100, top: 100, width: 60, height: 20 }, card, viewport)).toEqual({ left: 100, top: 126, side: "below" });
  });
  it("aligns to the name's right edge past the middle of the window", () => {
    expect(placeCard({ left: 700, top: 100, width: 60, height: 20 }, card, viewport).left).toBe(760 - 320);
  });
  it("goes above the line in the lower half of the viewport", () => {
    const p = placeCard({ left: 100, top: 600, width: 60, height: 20 }, card, viewport);
    expect(p).toEqual({ left: 100, top: 600 - 6 - 200, side: "above" });
  });
  it("never leaves the viewport", () => {
    const p = placeCard({ left: -50, top: 790, width: 40, height: 20 }, card, { width: 300, height: 150 });
    expect(p.left).toBeGreaterThanOrEqual(8);
    expect(p.top).toBeGreaterThanOrEqual(8);
  });
});
