/** Every timing and limit of the page-side work, with the reason for its number. */

/** Default dwell before a card shows (the reader can change it): Wikipedia Page Previews settled on ~500 ms; shorter pops cards on every pass of the pointer. */
export const SHOW_DELAY_MS = 500;
/** Grace after the pointer leaves the name or card: long enough to cross the gap onto the card (Page Previews: 300 ms). */
export const HIDE_DELAY_MS = 300;
/** How long "Show in page" flashes a mention: long enough to catch the eye after the scroll, short enough not to linger. */
export const FLASH_MS = 1600;
/** Longest stretch of scanning before yielding to the page: half a 60 Hz frame, far under the 50 ms that makes a long task. */
export const SLICE_MS = 8;
/** Quiet time after the page's last DOM change before re-scanning: news pages render in bursts; one re-scan per burst. */
export const RESCAN_DEBOUNCE_MS = 400;
/** Longest a re-scan waits behind a page that never stops changing: it still catches up, at most this often. */
export const RESCAN_MAX_WAIT_MS = 3000;
/**
 * Marks painted on one page at most (all are counted): far more than a reader can use, and creating a
 * Range costs Firefox more for every range already in the same text node (25,000 names took it 46 s).
 */
export const MAX_PAINTED_MARKS = 2000;
