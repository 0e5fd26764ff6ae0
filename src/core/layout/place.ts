/** Where the hover card goes: pure maths over rectangles, so it is tested without a browser. */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Which side of the name's line the card sits on. */
  side: "below" | "above";
}

const GAP = 6;
const MARGIN = 8;

/**
 * Below the name's line, starting at its left edge; right-aligned to the name
 * past the middle of the window; above the line in the lower half of the
 * viewport, or wherever the card fits when it fits on one side only (a
 * narrow, short window). Clamped inside the viewport, but never over the
 * name's line: a card too tall for either side keeps to the roomier one and
 * lets its far edge leave the window.
 */
export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const anchorCenterX = anchor.left + anchor.width / 2;
  const anchorCenterY = anchor.top + anchor.height / 2;
  let left = anchorCenterX > viewport.width / 2 ? anchor.left + anchor.width - card.width : anchor.left;
  const roomAbove = anchor.top - GAP - MARGIN;
  const roomBelow = viewport.height - (anchor.top + anchor.height + GAP) - MARGIN;
  const preferred = anchorCenterY > viewport.height / 2 ? "above" : "below";
  const fits = (side: Placement["side"]) => card.height <= (side === "above" ? roomAbove : roomBelow);
  const other = preferred === "above" ? "below" : "above";
  const side = fits(preferred) || (!fits(other) && (preferred === "above" ? roomAbove >= roomBelow : roomBelow >= roomAbove)) ? preferred : other;
  let top = side === "below" ? anchor.top + anchor.height + GAP : anchor.top - GAP - card.height;
  left = clamp(left, MARGIN, viewport.width - card.width - MARGIN);
  // Inside the window where there is room, and always clear of the name's line.
  if (side === "below") top = Math.max(anchor.top + anchor.height + GAP, Math.min(top, viewport.height - card.height - MARGIN));
  else top = Math.min(anchor.top - GAP - card.height, Math.max(top, MARGIN));
  return { left, top, side };
}

function clamp(value: number, min: number, max: number): number {
  return max < min ? min : Math.min(Math.max(value, min), max);
}
