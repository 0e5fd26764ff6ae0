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
  it("stays inside the viewport when it fits", () => {
    const p = placeCard({ left: -50, top: 290, width: 40, height: 20 }, card, { width: 300, height: 320 });
    expect(p.left).toBeGreaterThanOrEqual(8);
    expect(p.top).toBeGreaterThanOrEqual(8);
  });
  it("keeps a card too tall for either side on the roomier one, clear of the name", () => {
    const p = placeCard({ left: 20, top: 100, width: 60, height: 20 }, { width: 300, height: 300 }, { width: 360, height: 320 });
    expect(p).toEqual({ left: 20, top: 126, side: "below" });
  });
  it("never covers the name's line, whatever the window", () => {
    for (let top = 0; top <= 380; top += 20) {
      for (const height of [150, 200, 300]) {
        const anchor = { left: 10, top, width: 60, height: 20 };
        const p = placeCard(anchor, { width: 300, height }, { width: 360, height: 400 });
        const overlaps = p.top < anchor.top + anchor.height && p.top + height > anchor.top;
        expect(overlaps, `name at ${top}, card ${height} tall`).toBe(false);
      }
    }
  });
});
