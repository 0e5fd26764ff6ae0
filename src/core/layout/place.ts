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
 * viewport. Always clamped inside the viewport.
 */
export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const anchorCenterX = anchor.left + anchor.width / 2;
  const anchorCenterY = anchor.top + anchor.height / 2;
  let left = anchorCenterX > viewport.width / 2 ? anchor.left + anchor.width - card.width : anchor.left;
  const side = anchorCenterY > viewport.height / 2 ? "above" : "below";
  let top = side === "below" ? anchor.top + anchor.height + GAP : anchor.top - GAP - card.height;
  left = clamp(left, MARGIN, viewport.width - card.width - MARGIN);
  top = clamp(top, MARGIN, viewport.height - card.height - MARGIN);
  return { left, top, side };
}

function clamp(value: number, min: number, max: number): number {
  return max < min ? min : Math.min(Math.max(value, min), max);
}
