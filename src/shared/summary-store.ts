import browser from "webextension-polyfill";
import { summaryKey } from "./messages";

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
