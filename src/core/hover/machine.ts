/**
 * The hover card as a state machine: each gesture is an event, this pure
 * reducer decides what is true, and the caller carries out the effects
 * (timers, showing, hiding). Mentions are identified by their index.
 */

export interface HoverState {
  /** A name the pointer dwells on, waiting for the show timer. */
  pending: number | null;
  /** The name whose card is shown. */
  shown: number | null;
  /** The card is shown and its hide timer runs. */
  hiding: boolean;
}

export type HoverEvent =
  | { type: "enter-name"; id: number }
  | { type: "leave-name" }
  | { type: "enter-card" }
  | { type: "leave-card" }
  | { type: "show-timer"; id: number }
  | { type: "hide-timer" }
  /** Escape, a click elsewhere, or the name scrolled out of view. */
  | { type: "dismiss" }
  /** Keyboard navigation opens a card at once. */
  | { type: "open"; id: number };

export type HoverEffect =
  | { type: "start-show-timer"; id: number }
  | { type: "cancel-show-timer" }
  | { type: "start-hide-timer" }
  | { type: "cancel-hide-timer" }
  | { type: "show"; id: number }
  | { type: "hide" };

export const IDLE: HoverState = { pending: null, shown: null, hiding: false };

export function reduceHover(state: HoverState, event: HoverEvent): [HoverState, HoverEffect[]] {
  switch (event.type) {
    case "enter-name": {
      if (event.id === state.shown) return [{ ...state, pending: null, hiding: false }, cancels(state)];
      if (event.id === state.pending) return [state, []];
      const effects: HoverEffect[] = [];
      if (state.pending !== null) effects.push({ type: "cancel-show-timer" });
      effects.push({ type: "start-show-timer", id: event.id });
      // The card shown for another name starts its grace period.
      if (state.shown !== null && !state.hiding) effects.push({ type: "start-hide-timer" });
      return [{ ...state, pending: event.id, hiding: state.shown !== null }, effects];
    }
    case "leave-name": {
      const effects: HoverEffect[] = [];
      if (state.pending !== null) effects.push({ type: "cancel-show-timer" });
      if (state.shown !== null && !state.hiding) effects.push({ type: "start-hide-timer" });
      return [{ ...state, pending: null, hiding: state.shown !== null }, effects];
    }
    case "enter-card":
      if (state.shown === null) return [state, []];
      return [{ ...state, hiding: false }, state.hiding ? [{ type: "cancel-hide-timer" }] : []];
    case "leave-card":
      if (state.shown === null || state.hiding) return [state, []];
      return [{ ...state, hiding: true }, [{ type: "start-hide-timer" }]];
    case "show-timer": {
      // A late timer for a name the pointer already left shows nothing.
      if (state.pending !== event.id) return [state, []];
      const effects: HoverEffect[] = state.hiding ? [{ type: "cancel-hide-timer" }] : [];
      return [{ pending: null, shown: event.id, hiding: false }, [...effects, { type: "show", id: event.id }]];
    }
    case "hide-timer":
      if (!state.hiding) return [state, []];
      return [{ ...state, shown: null, hiding: false }, [{ type: "hide" }]];
    case "dismiss":
      if (state.shown === null && state.pending === null) return [state, []];
      return [IDLE, [...cancels(state), ...(state.shown !== null ? [{ type: "hide" } as const] : [])]];
    case "open":
      return [{ pending: null, shown: event.id, hiding: false }, [...cancels(state), { type: "show", id: event.id }]];
  }
}

function cancels(state: HoverState): HoverEffect[] {
  const effects: HoverEffect[] = [];
  if (state.pending !== null) effects.push({ type: "cancel-show-timer" });
  if (state.hiding) effects.push({ type: "cancel-hide-timer" });
  return effects;
}
