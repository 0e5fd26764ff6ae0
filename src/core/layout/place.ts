/** Where the hover card goes: pure maths over rectangles, so it is tested without a browser. */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The name the card explains: its first line, where the card aligns, and each line it takes, which the card must clear. */
export interface Anchor extends Rect {
  /** Every line of a name (two for a wrapped name); the anchor's own rect when absent. */
  lines?: Rect[];
}

export interface CardSize {
  width: number;
  height: number;
  /** The card's full height (no inner scrolling) laid out at another width: how wide placements are tried. */
  heightAt?(width: number): number;
}

export interface Placement {
  left: number;
  top: number;
  /** Which side of the name the card sits on. */
  side: "below" | "above" | "left" | "right";
  /** A width other than the card's own (the window's width less margins), or null. */
  width: number | null;
  /** A height cap (the card scrolls inside) when nothing else fits, or null. */
  maxHeight: number | null;
}

const GAP = 6;
const MARGIN = 8;

/**
 * Below the name's line, starting at its left edge; right-aligned to the name past the middle of the window;
 * above the line in the lower half of the viewport, or wherever the card fits when it fits on one side only.
 * When it fits neither above nor below (a short window: 200 % zoom, a name mid-window), in this order:
 * beside the name, left or right of it, if the window has the width; the window's whole width above or
 * below (a wider card is shorter), like a sheet; and last the roomier of above and below at that width,
 * its height capped to the room, scrolling inside. The card never covers any line of the name and never
 * runs past the window's edges (beyond what a window smaller than the margins leaves).
 */
export function placeCard(anchor: Anchor, card: CardSize, viewport: { width: number; height: number }): Placement {
  const lines = anchor.lines?.length ? anchor.lines : [anchor];
  const box = union(lines);
  const roomAbove = box.top - GAP - MARGIN;
  const roomBelow = viewport.height - (box.top + box.height + GAP) - MARGIN;
  const lowerHalf = box.top + box.height / 2 > viewport.height / 2;
  const vertical = (side: "above" | "below", size: { width: number; height: number }, width: number | null, maxHeight: number | null): Placement => {
    const height = maxHeight ?? size.height;
    const alignRight = anchor.left + anchor.width / 2 > viewport.width / 2;
    const left = clamp(alignRight ? anchor.left + anchor.width - size.width : anchor.left, MARGIN, viewport.width - size.width - MARGIN);
    // Callers check the room: below starts under the name, above ends over it, both inside the window.
    const top = side === "below" ? box.top + box.height + GAP : box.top - GAP - height;
    return { left, top, side, width, maxHeight };
  };
  const fits = (side: "above" | "below", height: number) => height <= (side === "above" ? roomAbove : roomBelow);
  const preferred = lowerHalf ? "above" : "below";
  const other = preferred === "above" ? "below" : "above";
  if (fits(preferred, card.height)) return vertical(preferred, card, null, null);
  if (fits(other, card.height)) return vertical(other, card, null, null);

  // Beside a line of the name, centred on it, inside the window and clear of the name's other line.
  let beside: Placement | null = null;
  let besideRoom = -Infinity;
  if (card.height <= viewport.height - 2 * MARGIN) {
    for (const line of lines) {
      const top = clamp(line.top + line.height / 2 - card.height / 2, MARGIN, viewport.height - card.height - MARGIN);
      const candidates = [
        { side: "right" as const, left: line.left + line.width + GAP, room: viewport.width - (line.left + line.width + GAP) - MARGIN },
        { side: "left" as const, left: line.left - GAP - card.width, room: line.left - GAP - MARGIN },
      ];
      for (const c of candidates) {
        const rect = { left: c.left, top, width: card.width, height: card.height };
        if (c.room < card.width || c.room <= besideRoom || lines.some((l) => intersects(rect, l))) continue;
        beside = { left: c.left, top, side: c.side, width: null, maxHeight: null };
        besideRoom = c.room;
      }
    }
  }
  if (beside) return beside;

  // The window's width, above or below; at the last, capped to the roomier side.
  const wideWidth = Math.max(viewport.width - 2 * MARGIN, card.width);
  const wide = card.heightAt && wideWidth > card.width ? { width: wideWidth, height: card.heightAt(wideWidth) } : card;
  const width = wide === card ? null : wide.width;
  if (fits(preferred, wide.height)) return vertical(preferred, wide, width, null);
  if (fits(other, wide.height)) return vertical(other, wide, width, null);
  const roomier = roomAbove > roomBelow ? "above" : roomBelow > roomAbove ? "below" : preferred;
  return vertical(roomier, wide, width, Math.max(0, roomier === "above" ? roomAbove : roomBelow));
}

function union(rects: Rect[]): Rect {
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.left + r.width));
  const bottom = Math.max(...rects.map((r) => r.top + r.height));
  return { left, top, width: right - left, height: bottom - top };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

function clamp(value: number, min: number, max: number): number {
  return max < min ? min : Math.min(Math.max(value, min), max);
}
