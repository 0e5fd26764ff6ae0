import browser from "webextension-polyfill";
import { parseSettings, type Settings } from "./settings";

/** Everything but the sites list, in storage.sync: it follows the reader to their other browsers. */
const KEY = "settings";
/**
 * The sites list, in storage.local (docs/decisions/011-sites-list-in-local-storage.md): a list of the sites one
 * reads outgrows storage.sync's 8 KB per item, and is not sent to a sync server.
 */
const SITES = "disabledSites";

export async function loadSettings(): Promise<Settings> {
  try {
    const [synced, local] = await Promise.all([browser.storage.sync.get(KEY), browser.storage.local.get(SITES)]);
    const stored = typeof synced[KEY] === "object" && synced[KEY] !== null ? (synced[KEY] as Record<string, unknown>) : {};
    // A list still in sync (written before the move) counts until the next save moves it.
    return parseSettings(SITES in local ? { ...stored, [SITES]: local[SITES] } : stored);
  } catch {
    return parseSettings(undefined);
  }
}

/** The saves of this page, one after another: a later change is never overwritten by an earlier one landing late. */
let saving: Promise<unknown> = Promise.resolve();

/**
 * Writes only the half that changed: storage.sync allows so many writes a minute (Chromium: 120), and adding
 * sites one after another must not use them up. Rejects when the browser refuses a write (a quota, a write
 * rate): callers that show settings say so.
 */
export function saveSettings(settings: Settings): Promise<void> {
  const write = saving.then(() => writeSettings(settings));
  saving = write.catch(() => undefined);
  return write;
}

/** A stored value as text that does not depend on key order (Chromium gives objects back with their keys sorted). */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

async function writeSettings(settings: Settings): Promise<void> {
  const { disabledSites, ...synced } = settings;
  const [syncedNow, localNow] = await Promise.all([browser.storage.sync.get(KEY), browser.storage.local.get(SITES)]);
  if (canonical(localNow[SITES]) !== canonical(disabledSites)) await browser.storage.local.set({ [SITES]: disabledSites });
  if (canonical(syncedNow[KEY]) !== canonical(synced)) await browser.storage.sync.set({ [KEY]: synced });
}

/** Calls back with the new settings whenever they change anywhere; returns the unsubscribe. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if ((area === "sync" && KEY in changes) || (area === "local" && SITES in changes)) void loadSettings().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
