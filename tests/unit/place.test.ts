import { describe, expect, it } from "vitest";
import { placeCard, type Anchor, type CardSize, type Placement } from "../../src/core/layout/place";

const viewport = { width: 1000, height: 800 };
const card = { width: 320, height: 200 };

/** Whether two rectangles share any area. */
const overlaps = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
/** The rectangle the card takes at a placement. */
const cardRect = (p: Placement, size: CardSize) => {
  const width = p.width ?? size.width;
  const height = p.maxHeight ?? (p.width !== null ? size.heightAt!(p.width) : size.height);
  return { left: p.left, top: p.top, width, height };
};

describe("placeCard", () => {
  it("goes below the name's line, from its left edge, in the upper left", () => {
    expect(placeCard({ left: 100, top: 100, width: 60, height: 20 }, card, viewport)).toEqual({ left: 100, top: 126, side: "below", width: null, maxHeight: null });
  });
  it("aligns to the name's right edge past the middle of the window", () => {
    expect(placeCard({ left: 700, top: 100, width: 60, height: 20 }, card, viewport).left).toBe(760 - 320);
  });
  it("goes above the line in the lower half of the viewport", () => {
    const p = placeCard({ left: 100, top: 600, width: 60, height: 20 }, card, viewport);
    expect(p).toEqual({ left: 100, top: 600 - 6 - 200, side: "above", width: null, maxHeight: null });
  });
  it("stays inside the viewport when it fits", () => {
    const p = placeCard({ left: -50, top: 290, width: 40, height: 20 }, card, { width: 300, height: 320 });
    expect(p.left).toBeGreaterThanOrEqual(8);
    expect(p.top).toBeGreaterThanOrEqual(8);
  });
  it("goes beside a name mid-window when it fits neither above nor below, on the roomier side", () => {
    // A 600 × 450 window (1200 × 900 at 200 %), a 290 px card, the name in the middle of the height.
    const tall = { width: 318, height: 290 };
    const right = placeCard({ left: 40, top: 215, width: 120, height: 20 }, tall, { width: 600, height: 450 });
    expect(right).toEqual({ left: 166, top: 80, side: "right", width: null, maxHeight: null });
    const left = placeCard({ left: 440, top: 215, width: 120, height: 20 }, tall, { width: 600, height: 450 });
    expect(left).toEqual({ left: 440 - 6 - 318, top: 80, side: "left", width: null, maxHeight: null });
  });
  it("takes the window's width above or below when the card fits neither above, below nor beside", () => {
    const size = { width: 318, height: 290, heightAt: (w: number) => Math.round((290 * 318) / w) };
    const p = placeCard({ left: 240, top: 215, width: 120, height: 20 }, size, { width: 600, height: 450 });
    expect(p).toMatchObject({ left: 8, side: "below", width: 584, maxHeight: null });
    expect(p.top).toBe(241);
  });
  it("caps a card too tall for any side to the roomier one, clear of the name", () => {
    const p = placeCard({ left: 20, top: 100, width: 60, height: 20 }, { width: 300, height: 300 }, { width: 360, height: 320 });
    expect(p).toEqual({ left: 20, top: 126, side: "below", width: null, maxHeight: 320 - 126 - 8 });
  });
  it("clears every line of a wrapped name, beside one of its lines when there is room", () => {
    // "Jens" at the end of one line, "Stoltenberg" at the start of the next, mid-window at 200 %.
    const lines = [{ left: 486, top: 215, width: 32, height: 20 }, { left: 24, top: 244, width: 82, height: 20 }];
    const anchor: Anchor = { left: 486, top: 215, width: 32, height: 49, lines };
    const size = { width: 318, height: 290, heightAt: () => 240 };
    const p = placeCard(anchor, size, { width: 600, height: 450 });
    // Right of "Stoltenberg" (the most room), not over "Jens"; the whole card, unscrolled.
    expect(p).toMatchObject({ side: "right", left: 24 + 82 + 6, width: null, maxHeight: null });
    for (const line of lines) expect(overlaps(cardRect(p, size), line)).toBe(false);
    // A line that fills the column leaves no room beside it: the card goes across the window's width.
    const full = [{ left: 300, top: 215, width: 290, height: 20 }, { left: 10, top: 244, width: 300, height: 20 }];
    const q = placeCard({ ...full[0]!, height: 49, lines: full }, size, { width: 600, height: 450 });
    expect(q.width).toBe(584);
    for (const line of full) expect(overlaps(cardRect(q, size), line)).toBe(false);
  });
  it("never covers the name nor leaves the window, whatever the window and the name's place", () => {
    for (const vp of [{ width: 360, height: 400 }, { width: 600, height: 450 }, { width: 1000, height: 800 }]) {
      for (let top = 0; top <= vp.height - 20; top += 20) {
        for (let left = 0; left <= vp.width - 60; left += 50) {
          for (const height of [150, 200, 300, 500]) {
            const size = { width: Math.min(318, vp.width - 16), height, heightAt: (w: number) => Math.ceil((height * 318) / w) };
            const anchor = { left, top, width: 60, height: 20 };
            const p = placeCard(anchor, size, vp);
            const r = cardRect(p, size);
            const where = `${vp.width}×${vp.height}, name at ${left},${top}, card ${height} tall: ${JSON.stringify(p)}`;
            expect(overlaps(r, anchor), where).toBe(false);
            expect(r.left, where).toBeGreaterThanOrEqual(8);
            expect(r.top, where).toBeGreaterThanOrEqual(8);
            expect(r.left + r.width, where).toBeLessThanOrEqual(vp.width - 8);
            expect(r.top + r.height, where).toBeLessThanOrEqual(vp.height - 8);
          }
        }
      }
    }
  });
});
