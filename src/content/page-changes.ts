import type { PageChange } from "../core/rescan";

/** What the page watch needs to know about the current read. */
export interface WatchContext {
  /** The URL the current read is of. */
  href: string;
  /** The article's elements, or null while the first read runs (then the whole body counts). */
  watched: readonly Element[] | null;
  noArticle: boolean;
  /** Whether any painted mark lost its text (checked only when text was removed or edited). */
  marksBroken(): boolean;
}

const textOf = (n: Node) => (n.nodeType === 1 || n.nodeType === 3 ? n.textContent ?? "" : "");

/**
 * Summarizes a batch of MutationRecords for the rescan policy
 * (src/core/rescan.ts), which decides whether it counts.
 */
export function describeChanges(doc: Document, records: MutationRecord[], at: WatchContext): PageChange {
  const watched = at.watched ?? (doc.body ? [doc.body] : []);
  const inArticle = (n: Node) => watched.some((w) => w.contains(n));
  let removedText = "";
  let addedText = "";
  let largestAddition = 0;
  let edited = false;
  for (const r of records) {
    if (r.type === "characterData") {
      if (!inArticle(r.target)) continue;
      removedText += r.oldValue ?? "";
      addedText += textOf(r.target);
      edited = true;
      continue;
    }
    if (r.type !== "childList") continue;
    const inside = inArticle(r.target);
    for (const n of Array.from(r.addedNodes)) {
      const text = textOf(n);
      largestAddition = Math.max(largestAddition, text.length);
      if (inside) addedText += text;
    }
    if (inside) {
      for (const n of Array.from(r.removedNodes)) removedText += textOf(n);
      if (r.removedNodes.length > 0) edited = true;
    }
  }
  return {
    urlChanged: doc.URL !== at.href,
    rootsGone: watched.length === 0 || watched.some((w) => !w.isConnected),
    noArticle: at.noArticle,
    removedText,
    addedText,
    marksBroken: edited && at.marksBroken(),
    largestAddition,
  };
}

/**
 * Observes the whole document, not <body>: a site that replaces <body>
 * (Turbo, pjax) keeps being watched. Our own card lives in a shadow root,
 * whose changes this observer does not see.
 */
export function observePage(doc: Document, onRecords: (records: MutationRecord[]) => void): () => void {
  const observer = new MutationObserver(onRecords);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  return () => observer.disconnect();
}
