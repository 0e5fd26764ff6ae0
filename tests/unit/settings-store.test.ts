import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../src/shared/settings";

/**
 * Storage areas as the browsers hold them, quotas included: storage.sync refuses an item over 8192 bytes
 * (QUOTA_BYTES_PER_ITEM, counted as the key's and the JSON value's length), as Chromium and Firefox do.
 */
const areas = vi.hoisted(() => {
  type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
  const listeners: Listener[] = [];
  const area = (name: string, perItem: number) => {
    const items = new Map<string, unknown>();
    return {
      items,
      /** Objects come back with their keys sorted, as Chromium gives them. */
      async get(key: string) {
        const sorted = (v: unknown): unknown => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sorted(x)])) : v);
        return items.has(key) ? { [key]: sorted(structuredClone(items.get(key))) } : {};
      },
      async set(values: Record<string, unknown>) {
        for (const [key, value] of Object.entries(values)) {
          if (key.length + JSON.stringify(value).length > perItem) throw new Error("QUOTA_BYTES_PER_ITEM quota exceeded");
        }
        for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
        for (const l of listeners) l(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { newValue: v }])), name);
      },
    };
  };
  return { sync: area("sync", 8192), local: area("local", Infinity), listeners };
});

vi.mock("webextension-polyfill", () => ({
  default: { storage: { sync: areas.sync, local: areas.local, onChanged: { addListener: (l: never) => areas.listeners.push(l), removeListener: () => undefined } } },
}));

const { loadSettings, saveSettings, watchSettings } = await import("../../src/shared/settings-store");

/** A thousand long host names: far more than one storage.sync item holds. */
const MANY_SITES = Array.from({ length: 1000 }, (_, i) => `news-site-number-${i}.some-long-regional-publisher.example`);

describe("the settings store", () => {
  beforeEach(() => {
    areas.sync.items.clear();
    areas.local.items.clear();
    areas.listeners.length = 0;
  });

  it("saves a sites list far over storage.sync's per-item quota, and reads it back", async () => {
    expect(JSON.stringify(MANY_SITES).length).toBeGreaterThan(8192 * 5);
    const settings: Settings = { ...DEFAULT_SETTINGS, markStyle: "tint", disabledSites: MANY_SITES };
    await saveSettings(settings);
    expect(await loadSettings()).toEqual(settings);
    // The rest still syncs; the list stays on this device.
    expect(areas.sync.items.get("settings")).toEqual({ ...settings, disabledSites: undefined });
    expect(areas.local.items.get("disabledSites")).toEqual(MANY_SITES);
  });

  it("reads a list saved in storage.sync before the move until the next save moves it", async () => {
    areas.sync.items.set("settings", { ...DEFAULT_SETTINGS, disabledSites: ["old.example"] });
    expect((await loadSettings()).disabledSites).toEqual(["old.example"]);
    await saveSettings({ ...(await loadSettings()), paused: true });
    expect(areas.sync.items.get("settings")).not.toHaveProperty("disabledSites");
    expect(await loadSettings()).toMatchObject({ paused: true, disabledSites: ["old.example"] });
  });

  it("rejects when the browser refuses a write, so the page can say so", async () => {
    await expect(saveSettings({ ...DEFAULT_SETTINGS, disabledSites: ["x".repeat(9000)] as string[] })).resolves.toBeUndefined();
    const refuse = vi.spyOn(areas.sync, "set").mockRejectedValueOnce(new Error("MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded"));
    await expect(saveSettings({ ...DEFAULT_SETTINGS, paused: true })).rejects.toThrow("MAX_WRITE_OPERATIONS_PER_MINUTE");
    refuse.mockRestore();
    // A refused save does not stop the next.
    await expect(saveSettings({ ...DEFAULT_SETTINGS, paused: true })).resolves.toBeUndefined();
    expect((await loadSettings()).paused).toBe(true);
  });

  it("writes only the half that changed: storage.sync's writes a minute are few", async () => {
    const syncWrites = vi.spyOn(areas.sync, "set");
    let settings = await loadSettings();
    for (const host of ["a.example", "b.example", "c.example"]) {
      settings = { ...settings, disabledSites: [...settings.disabledSites, host] };
      await saveSettings(settings);
    }
    expect(syncWrites).toHaveBeenCalledTimes(1);
    await saveSettings({ ...settings, markStyle: "hover" });
    expect(syncWrites).toHaveBeenCalledTimes(2);
    expect(await loadSettings()).toEqual({ ...settings, markStyle: "hover" });
    syncWrites.mockRestore();
  });

  it("saves one change after another, so a later one is never overwritten", async () => {
    const slow = vi.spyOn(areas.local, "set").mockImplementationOnce(async (values) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const [k, v] of Object.entries(values)) areas.local.items.set(k, v);
    });
    const first = saveSettings({ ...DEFAULT_SETTINGS, disabledSites: ["a.example"], markStyle: "tint" });
    const second = saveSettings({ ...DEFAULT_SETTINGS, disabledSites: ["a.example"], markStyle: "hover" });
    await Promise.all([first, second]);
    expect((await loadSettings()).markStyle).toBe("hover");
    slow.mockRestore();
  });

  it("tells a watcher the whole settings when either half changes", async () => {
    const seen: Settings[] = [];
    watchSettings((s) => seen.push(s));
    await saveSettings({ ...DEFAULT_SETTINGS, disabledSites: ["a.example"], everyMention: true });
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ disabledSites: ["a.example"], everyMention: true }));
  });
});
