/**
 * When the content script reads a page again, decided in one place and
 * without a browser: which of the page's changes count, how they are
 * batched (a debounce with a maximum wait), what happens to changes that
 * arrive while a scan runs, and what a settings change restarts.
 *
 * The shell (src/content/rescan-watch.ts) turns MutationRecords into
 * `PageChange`s and carries out the effects; everything it decides is here.
 */
import { marksOn, type Settings } from "../shared/settings";
import { RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS } from "../shared/timings";

/** One batch of the page's DOM changes, summarized by the shell. */
export interface PageChange {
  /** The document's URL changed (a single-page site's navigation). */
  urlChanged: boolean;
  /** The article elements the last read found are no longer in the document (or <body> was replaced). */
  rootsGone: boolean;
  /** The last read found no article (its watched root is the body). */
  noArticle: boolean;
  /** Text removed from inside the article, then text added, in record order (letters are what count, see below). */
  removedText: string;
  addedText: string;
  /** A painted mark's range collapsed: its text node was removed or cut. */
  marksBroken: boolean;
  /** The longest text of one element added anywhere in the body: a body rendered late, a next article. */
  largestAddition: number;
}

/** New prose of at least this many characters may bring an article to a page without one; a ticker's tick does not. */
export const PROSE_CHARS = 200;

/** The letters of a text: names are made of letters; digits and punctuation (clocks, counters) name no one. */
const letters = (text: string) => text.replace(/[^\p{L}]+/gu, "");

/**
 * Whether a batch of changes calls for reading the page again. Only text
 * inside the article counts, and only when its letters changed: a lazily
 * loaded image, an ad slot's empty frame, a ticking clock or "3 minutes ago"
 * becoming "4 minutes ago" change no name. A page without an article counts
 * only new prose, which may bring one.
 */
export function counts(change: PageChange): boolean {
  if (change.urlChanged || change.rootsGone || change.marksBroken) return true;
  if (change.noArticle) return change.largestAddition >= PROSE_CHARS;
  return letters(change.removedText) !== letters(change.addedText) || change.largestAddition >= PROSE_CHARS;
}

export interface RescanState {
  phase: "idle" | "waiting" | "scanning";
  /** When the first counted change of the current batch arrived (null: none pending). */
  firstAt: number | null;
  lastAt: number | null;
}

export type RescanEvent =
  /** A counted change. */
  | { type: "change"; at: number }
  /** The timer the last "wait" effect asked for fired. */
  | { type: "timer"; at: number }
  /** A read (started by the "scan" effect, or the first one) finished or was given up. */
  | { type: "scan-done"; at: number };

export type RescanEffect = { type: "wait"; until: number } | { type: "scan" };

/** The state while the first read of a page runs. */
export const SCANNING: RescanState = { phase: "scanning", firstAt: null, lastAt: null };
export const IDLE_RESCAN: RescanState = { phase: "idle", firstAt: null, lastAt: null };

const due = (firstAt: number, lastAt: number) => Math.min(lastAt + RESCAN_DEBOUNCE_MS, firstAt + RESCAN_MAX_WAIT_MS);

/**
 * The rescan scheduler as a reducer. Changes during a scan are not dropped:
 * they mark it dirty (firstAt set), and one more scan follows it, debounced
 * from their own times.
 */
export function rescan(state: RescanState, event: RescanEvent): [RescanState, RescanEffect[]] {
  switch (event.type) {
    case "change": {
      const firstAt = state.firstAt ?? event.at;
      if (state.phase === "scanning") return [{ ...state, firstAt, lastAt: event.at }, []];
      return [{ phase: "waiting", firstAt, lastAt: event.at }, [{ type: "wait", until: due(firstAt, event.at) }]];
    }
    case "timer": {
      if (state.phase !== "waiting" || state.firstAt === null || state.lastAt === null) return [state, []];
      const until = due(state.firstAt, state.lastAt);
      if (event.at < until) return [state, [{ type: "wait", until }]];
      return [SCANNING, [{ type: "scan" }]];
    }
    case "scan-done": {
      if (state.phase !== "scanning") return [state, []];
      if (state.firstAt === null || state.lastAt === null) return [IDLE_RESCAN, []];
      // Dirty: the page changed while we read it; read once more, when it settles.
      return [{ phase: "waiting", firstAt: state.firstAt, lastAt: state.lastAt }, [{ type: "wait", until: due(state.firstAt, state.lastAt) }]];
    }
  }
}

/**
 * What a settings change asks of one page: nothing at all (another site
 * switched, nothing this page shows), a new hover delay, a repaint in another
 * style, a new session (other kinds of names, every mention), or the page switched on or off.
 */
export type SettingsEffect = "start" | "stop" | "restart" | "restyle" | "hover-delay";

export function settingsEffects(before: Settings, after: Settings, host: string): SettingsEffect[] {
  const was = marksOn(before, host);
  const is = marksOn(after, host);
  if (was !== is) return [is ? "start" : "stop"];
  if (!is) return [];
  const marks = (s: Settings) => `${s.kinds.person}${s.kinds.organization}${s.kinds.unknown}${s.everyMention}`;
  // Other kinds of names, or every mention instead of the first in each section, make other marks: a new
  // session (it repaints and takes the delay too).
  if (marks(before) !== marks(after)) return ["restart"];
  const effects: SettingsEffect[] = [];
  if (before.markStyle !== after.markStyle) effects.push("restyle");
  if (before.hoverDelayMs !== after.hoverDelayMs) effects.push("hover-delay");
  return effects;
}

/**
 * Whether a new read found exactly what the session in place was built from:
 * the same text in the same, still-connected text nodes. Then the session
 * (its marks, the open card, the keyboard cursor) stays as it is.
 */
export function sameRead<N>(before: { text: string; nodes: readonly N[] }, after: { text: string; nodes: readonly N[] }): boolean {
  if (before.text !== after.text || before.nodes.length !== after.nodes.length) return false;
  for (let i = 0; i < before.nodes.length; i++) if (before.nodes[i] !== after.nodes[i]) return false;
  return true;
}
