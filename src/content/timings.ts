/** Every timing of the page-side UI, with the reason for its number. */

/** Dwell before a card shows: Wikipedia Page Previews settled on ~500 ms; shorter pops cards on every pass of the pointer. */
export const SHOW_DELAY_MS = 500;
/** Grace after the pointer leaves the name or card: long enough to cross the gap onto the card (Page Previews: 300 ms). */
export const HIDE_DELAY_MS = 300;
