import browser from "webextension-polyfill";
import { parseSettings, type Settings } from "./settings";

const KEY = "settings";

export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings((await browser.storage.sync.get(KEY))[KEY]);
  } catch {
    return parseSettings(undefined);
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [KEY]: settings });
}

/** Calls back with the new settings whenever they change anywhere; returns the unsubscribe. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === "sync" && KEY in changes) callback(parseSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
