import { HIDE_DELAY_MS, SHOW_DELAY_MS } from "./timings";
import { mentionAt } from "./hittest";
import type { Paint, PaintedMention } from "./paint";
import type { CardHost } from "./card/host";
import type { Briefing } from "../core/knowledge/briefing";

export interface HoverOptions {
  paint: Paint;
  card: CardHost;
  /** How often each entity is named in the article. */
  counts: Map<string, number>;
  briefing(entityId: string): Promise<Briefing | null>;
}

/**
 * Dwell on a name → card; leave name and card → grace period → hidden.
 * A pending card is cancelled when the pointer leaves before the dwell ends,
 * and a briefing that arrives late never shows a stale card.
 */
export function startHover(doc: Document, options: HoverOptions): { destroy(): void } {
  const { paint, card } = options;
  const view = doc.defaultView!;
  let pending: { mention: PaintedMention; timer: number } | null = null;
  let shown: PaintedMention | null = null;
  let hideTimer = 0;
  let frame = 0;
  let last = { x: 0, y: 0, target: null as EventTarget | null };

  const cancelPending = () => {
    if (pending) view.clearTimeout(pending.timer);
    pending = null;
  };
  const hide = () => {
    cancelPending();
    view.clearTimeout(hideTimer);
    hideTimer = 0;
    shown = null;
    card.hide();
  };
  const anchorOf = (m: PaintedMention) => {
    const rects = m.range.getClientRects();
    const r = rects[0] ?? m.range.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  };
  const show = (m: PaintedMention) => {
    shown = m;
    const props = { name: m.name, type: m.type, count: options.counts.get(m.entityId) ?? 1 };
    card.show({ ...props, briefing: null }, anchorOf(m));
    void options.briefing(m.entityId).then((b) => {
      if (shown === m && b) card.show({ ...props, briefing: b }, anchorOf(m));
    }, () => undefined);
  };

  const update = () => {
    frame = 0;
    if (card.contains(last.target)) {
      // On the card: it stays.
      view.clearTimeout(hideTimer);
      hideTimer = 0;
      cancelPending();
      return;
    }
    const m = mentionAt(doc, last.x, last.y, paint.mentions, paint.highlights);
    if (m && (m === shown || m === pending?.mention)) {
      view.clearTimeout(hideTimer);
      hideTimer = 0;
      return;
    }
    cancelPending();
    if (m) {
      pending = { mention: m, timer: view.setTimeout(() => { pending = null; view.clearTimeout(hideTimer); show(m); }, SHOW_DELAY_MS) };
    }
    if (shown && !hideTimer) hideTimer = view.setTimeout(hide, HIDE_DELAY_MS);
  };

  const onMove = (e: MouseEvent) => {
    last = { x: e.clientX, y: e.clientY, target: e.target };
    if (!frame) frame = view.requestAnimationFrame(update);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && (shown || pending)) hide();
  };
  const onDown = (e: MouseEvent) => {
    if (shown && !card.contains(e.target)) hide();
  };
  const onScroll = () => {
    if (!shown) return;
    const r = anchorOf(shown);
    if (r.top + r.height < 0 || r.top > view.innerHeight) hide();
  };

  doc.addEventListener("mousemove", onMove, { passive: true, capture: true });
  doc.addEventListener("keydown", onKey, true);
  doc.addEventListener("mousedown", onDown, true);
  view.addEventListener("scroll", onScroll, { passive: true });
  return {
    destroy() {
      hide();
      if (frame) view.cancelAnimationFrame(frame);
      doc.removeEventListener("mousemove", onMove, { capture: true });
      doc.removeEventListener("keydown", onKey, true);
      doc.removeEventListener("mousedown", onDown, true);
      view.removeEventListener("scroll", onScroll);
    },
  };
}
