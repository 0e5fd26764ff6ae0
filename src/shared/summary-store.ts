import browser from "webextension-polyfill";
import { isStoredSummary, summaryKey, type PageSummary, type StoredSummary } from "./messages";

/**
 * The summary the background stored for a tab, read straight from session storage (extension pages may read it:
 * its access level stays the default, trusted contexts only), null when there is none. The popup reads it so,
 * not through a message: its first render then waits for no service worker, which may be asleep and must
 * parse the knowledge file and the matcher before it answers. Validated as any stored value is.
 */
export async function readSummary(tabId: number): Promise<PageSummary | null> {
  return (await readStoredSummary(tabId))?.summary ?? null;
}

/** What the background stored for a tab, with the document it came from; null when there is none or it is not one. */
export async function readStoredSummary(tabId: number): Promise<StoredSummary | null> {
  const key = summaryKey(tabId);
  const stored: unknown = (await browser.storage.session.get(key))[key];
  return isStoredSummary(stored) ? stored : null;
}

/**
 * Calls back whenever the background stores or drops the summary of a tab
 * (a scan finished, the page switched off, the tab navigated); returns the
 * unsubscribe. The popup then asks again instead of guessing when a scan ends.
 */
export function watchSummary(tabId: number, callback: () => void): () => void {
  const key = summaryKey(tabId);
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === "session" && key in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
