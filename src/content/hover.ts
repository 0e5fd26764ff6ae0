import { reduceHover, IDLE, type HoverEffect, type HoverEvent, type HoverState } from "../core/hover/machine";
import { HIDE_DELAY_MS } from "../shared/timings";
import { markAt } from "./hittest";
import type { Paint, PaintedMark } from "./paint";
import type { CardHost } from "./card/host";
import type { Briefing } from "../core/knowledge/briefing";

export interface HoverOptions {
  paint: Paint;
  card: CardHost;
  /** Read at each dwell: a settings change applies to the next one. */
  showDelayMs(): number;
  /**
   * Called on each trusted event before anything is done: false when the
   * extension was reloaded or removed under the page (the composition root
   * then takes everything down), so an orphaned listener does nothing.
   */
  alive(): boolean;
  /** How often each entity id (or unknown name's text) is named in the article. */
  count(mark: PaintedMark): number;
  briefing(entityId: string): Promise<Briefing | null>;
  fullEntry(entityId: string): void;
}

export interface Hover {
  /** Opens the card of mark `index` from the keyboard, as a dialog that holds focus. */
  open(index: number): void;
  destroy(): void;
}

/**
 * Wires pointer, keyboard and scroll events to the hover state machine
 * (src/core/hover/machine.ts) and carries out its effects.
 */
export function startHover(doc: Document, options: HoverOptions): Hover {
  const { paint, card } = options;
  const view = doc.defaultView!;
  let state: HoverState = IDLE;
  let showTimer = 0;
  let hideTimer = 0;
  let frame = 0;
  let modal = false;
  let pointer = { x: 0, y: 0, target: null as EventTarget | null };
  /** The mark under the pointer at the last frame, so only changes become events. */
  let under: number | null = null;
  let onCard = false;

  // A name wrapped over two lines: aligned to its first line, clear of both.
  const anchorOf = (m: PaintedMark) => {
    const box = m.range.getBoundingClientRect();
    const rects = Array.from(m.range.getClientRects(), (r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
    const first = rects[0] ?? box;
    return { left: first.left, top: box.top, width: first.width, height: box.height, lines: rects.length > 0 ? rects : undefined };
  };

  const render = (index: number, briefing: Briefing | null) => {
    const mark = paint.marks[index]!;
    card.show(
      { mark, count: options.count(mark), briefing, modal, onClose: () => dispatch({ type: "dismiss" }), onFullEntry: options.fullEntry },
      anchorOf(mark),
    );
  };

  const run = (effect: HoverEffect) => {
    switch (effect.type) {
      case "start-show-timer":
        showTimer = view.setTimeout(() => dispatch({ type: "show-timer", id: effect.id }), options.showDelayMs());
        paint.showHovered(paint.marks[effect.id] ?? null);
        break;
      case "cancel-show-timer":
        view.clearTimeout(showTimer);
        break;
      case "start-hide-timer":
        hideTimer = view.setTimeout(() => dispatch({ type: "hide-timer" }), HIDE_DELAY_MS);
        break;
      case "cancel-hide-timer":
        view.clearTimeout(hideTimer);
        break;
      case "show": {
        const mark = paint.marks[effect.id]!;
        paint.showHovered(mark);
        render(effect.id, null);
        if (mark.entityId !== null) {
          // A briefing that arrives after the card moved on is dropped.
          void options.briefing(mark.entityId).then((b) => {
            if (state.shown === effect.id && b) render(effect.id, b);
          }, () => undefined);
        }
        break;
      }
      case "hide":
        modal = false;
        paint.showHovered(null);
        card.hide();
        break;
    }
  };

  const dispatch = (event: HoverEvent) => {
    try {
      const [next, effects] = reduceHover(state, event);
      state = next;
      if (state.shown === null && state.pending === null) paint.showHovered(null);
      for (const effect of effects) run(effect);
    } catch (error) {
      // Events arrive from timers and listeners: nothing may escape into the page.
      console.debug("Backstory: the card failed", error);
    }
  };

  const update = () => {
    frame = 0;
    const nowOnCard = card.contains(pointer.target);
    if (nowOnCard !== onCard) {
      onCard = nowOnCard;
      dispatch({ type: onCard ? "enter-card" : "leave-card" });
    }
    if (onCard) return;
    const mark = markAt(doc, pointer.x, pointer.y, paint);
    const index = mark ? paint.marks.indexOf(mark) : null;
    if (index === under) return;
    under = index;
    dispatch(index === null ? { type: "leave-name" } : { type: "enter-name", id: index });
  };

  // Only the reader's own input counts: a page's synthetic events (dispatchEvent, .click()) are not trusted.
  const ours = (e: Event) => e.isTrusted && options.alive();
  const onMove = (e: MouseEvent) => {
    if (!ours(e)) return;
    pointer = { x: e.clientX, y: e.clientY, target: e.target };
    if (!frame) frame = view.requestAnimationFrame(update);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!ours(e)) return;
    if (e.key === "Escape" && (state.shown !== null || state.pending !== null)) dispatch({ type: "dismiss" });
  };
  const onDown = (e: MouseEvent) => {
    if (!ours(e)) return;
    if (state.shown !== null && !card.contains(e.target)) dispatch({ type: "dismiss" });
  };
  const onScroll = (e: Event) => {
    if (state.shown === null || !ours(e)) return;
    const r = anchorOf(paint.marks[state.shown]!);
    if (r.top + r.height < 0 || r.top > view.innerHeight) dispatch({ type: "dismiss" });
  };

  doc.addEventListener("mousemove", onMove, { passive: true, capture: true });
  doc.addEventListener("keydown", onKey, true);
  doc.addEventListener("mousedown", onDown, true);
  view.addEventListener("scroll", onScroll, { passive: true, capture: true });
  return {
    open(index) {
      modal = true;
      dispatch({ type: "open", id: index });
    },
    destroy() {
      dispatch({ type: "dismiss" });
      view.clearTimeout(showTimer);
      view.clearTimeout(hideTimer);
      if (frame) view.cancelAnimationFrame(frame);
      doc.removeEventListener("mousemove", onMove, { capture: true });
      doc.removeEventListener("keydown", onKey, true);
      doc.removeEventListener("mousedown", onDown, true);
      view.removeEventListener("scroll", onScroll, { capture: true });
    },
  };
}
