import type { Paint, PaintedMark } from "./paint";

interface CaretPoint {
  node: Node;
  offset: number;
}

type HighlightsFromPoint = (x: number, y: number) => { highlight: Highlight }[] | Highlight[];

function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === "function") {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function inside(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/**
 * The painted mark under the point, or null. Ranges get no events, so the
 * pointer is tested against them: highlightsFromPoint rules out the common
 * miss cheaply; the caret position narrows to one range, and its client rects
 * confirm the hit (the caret snaps to the nearest character even beside text).
 */
export function markAt(doc: Document, x: number, y: number, paint: Paint): PaintedMark | null {
  const ours = paint.highlights;
  const fromPoint = (CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint }).highlightsFromPoint;
  if (typeof fromPoint === "function") {
    const hits = fromPoint.call(CSS.highlights, x, y);
    const ourHit = hits.some((h) => ours.has(h instanceof Highlight ? h : h.highlight));
    if (!ourHit) return null;
  }
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  for (const m of paint.near(caret.node, caret.offset)) {
    // isPointInRange, unlike comparePoint, answers false for a caret in another tree (a shadow root).
    if (m.range.isPointInRange(caret.node, caret.offset) && Array.from(m.range.getClientRects()).some((r) => inside(r, x, y))) return m;
  }
  return null;
}
