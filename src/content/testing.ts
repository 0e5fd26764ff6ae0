/**
 * The end-to-end tests' view of the card, in test builds only (`node build.mjs`
 * writes them to dist/test/, with `__BACKSTORY_TEST__` defined true; in the
 * builds that ship it is false and this module is dropped from the bundle).
 *
 * The card's shadow root is closed and the page must never reach it, so the
 * tests do not look from the page either: an extension page asks the content
 * script (`{type: "test-card"}` over tabs.sendMessage, a channel pages have no
 * access to) and gets this snapshot back.
 */

export interface CardSnapshot {
  /** The card's whole text. */
  text: string;
  name: string | null;
  modal: boolean;
  /** Focus is inside the card (the page sees only our host as document.activeElement). */
  focused: boolean;
  rect: { left: number; top: number; right: number; bottom: number };
  background: string;
  position: string;
  /** Each button and link, with its centre in viewport coordinates, for real clicks. */
  controls: { text: string; href: string | null; x: number; y: number }[];
  /** performance.now() when this card element appeared. */
  shownAt: number;
  /** The card's classes ("card", "more" once the longer briefing is open…). */
  className: string;
  /** Its fade-in is over: what a screenshot should show. */
  settled: boolean;
  /** It scrolls inside (its content is taller than its box). */
  scrolls: boolean;
  /** Where it sits by the name: "below", "above", "left" or "right" (src/core/layout/place.ts). */
  side: string | null;
  /** Its markup and its shadow root's stylesheet, for an accessibility check on a copy (the root itself is closed). */
  html: string;
  css: string;
}

let root: { host: HTMLElement; shadow: ShadowRoot } | null = null;
let shownAt = 0;
let seen: Element | null = null;

export function exposeCardRoot(host: HTMLElement, shadow: ShadowRoot): void {
  root = { host, shadow };
  // The moment a card element appears, for the dwell-time test; observed here so the card code stays as it ships.
  new MutationObserver(() => {
    const card = shadow.querySelector(".card");
    if (card && card !== seen) shownAt = performance.now();
    seen = card;
  }).observe(shadow, { childList: true, subtree: true });
}

/** Counted by the content script in test builds: how often it read the page, how often the background asked which document this is. */
export const counters = { reads: 0, documentAsked: 0 };

/**
 * The longest slice of work the content script ran before yielding to the page (src/content/scheduler.ts), in ms:
 * `npm run bench` reads it in Firefox, which has no long-task timing. Kept on the content scripts' own global, as
 * content.js and backstory.js are two bundles with a module copy each.
 */
const LONGEST_SLICE = "__backstoryLongestSlice";
type SliceGlobal = Record<typeof LONGEST_SLICE, number | undefined>;

export function noteSlice(ms: number): void {
  const g = globalThis as unknown as SliceGlobal;
  g[LONGEST_SLICE] = Math.max(g[LONGEST_SLICE] ?? 0, ms);
}

/** The answer to `{type: "test-card"}`: which page answers (tests find their tab by it), its card, the counters. */
export interface TestProbe {
  href: string;
  card: CardSnapshot | null;
  reads: number;
  documentAsked: number;
  longestSliceMs: number;
}

export function testProbe(): TestProbe {
  return { href: location.href, card: cardSnapshot(), ...counters, longestSliceMs: (globalThis as unknown as SliceGlobal)[LONGEST_SLICE] ?? 0 };
}

function cardSnapshot(): CardSnapshot | null {
  if (!root || !root.host.isConnected) return null;
  const card = root.shadow.querySelector<HTMLElement>(".card");
  if (!card) return null;
  const centre = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  const r = card.getBoundingClientRect();
  const style = getComputedStyle(card);
  return {
    text: card.textContent ?? "",
    name: card.querySelector(".name")?.textContent ?? null,
    modal: card.getAttribute("aria-modal") === "true",
    focused: root.shadow.activeElement !== null && document.activeElement === root.host,
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    background: style.backgroundColor,
    position: style.position,
    controls: Array.from(card.querySelectorAll("button, a[href]")).map((el) => ({ text: el.textContent ?? "", href: el.getAttribute("href"), ...centre(el) })),
    shownAt,
    className: card.className,
    settled: card.getAnimations().every((a) => a.playState === "finished"),
    scrolls: card.scrollHeight > card.clientHeight + 1,
    side: card.dataset.side ?? null,
    html: card.outerHTML,
    css: [...root.shadow.adoptedStyleSheets, ...Array.from(root.shadow.styleSheets)].flatMap((sheet) => Array.from(sheet.cssRules, (r) => r.cssText)).join("\n"),
  };
}
