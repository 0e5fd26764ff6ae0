import { describe, expect, it, vi } from "vitest";
import { parseHTML } from "linkedom";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";

/**
 * The options page (src/options/App.tsx) rendered into a linkedom document, over storage areas whose reads and
 * writes the test holds and lets go, to put a storage read before a save's write and its answer after.
 */
const store = vi.hoisted(() => {
  type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
  const listeners: Listener[] = [];
  /** While set, every read waits for it. */
  let readGate: Promise<void> | null = null;
  /** While set, every storage.sync write waits for it. */
  let writeGate: Promise<void> | null = null;
  let reads = 0;
  const area = (name: string) => {
    const items = new Map<string, unknown>();
    return {
      items,
      async get(key: string) {
        reads += 1;
        // What the area holds when the read is made, answered when the gate opens.
        const answer = items.has(key) ? { [key]: structuredClone(items.get(key)) } : {};
        if (readGate) await readGate;
        return answer;
      },
      async set(values: Record<string, unknown>) {
        if (name === "sync" && writeGate) await writeGate;
        // No change event: the test sends the one it needs, so that no other read comes between.
        for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
      },
    };
  };
  return {
    sync: area("sync"),
    local: area("local"),
    listeners,
    holdReads: (gate: Promise<void> | null) => void (readGate = gate),
    holdWrites: (gate: Promise<void> | null) => void (writeGate = gate),
    reads: () => reads,
  };
});

vi.mock("webextension-polyfill", () => ({
  default: {
    storage: { sync: store.sync, local: store.local, onChanged: { addListener: (l: never) => store.listeners.push(l), removeListener: () => undefined } },
    commands: { getAll: async () => [] },
    i18n: { getMessage: () => "" },
  },
}));

const { document, window } = parseHTML("<!doctype html><html><body><div id=app></div></body></html>");
Object.assign(globalThis, { document, window, navigator: { userAgent: "node" } });
const { h, render } = await import("preact");
const { App } = await import("../../src/options/App");

const gate = () => {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
};
/** Polls until `check` holds: preact renders and runs effects on its own timers. */
async function until(check: () => boolean): Promise<void> {
  for (let k = 0; k < 200 && !check(); k++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}
const radio = (value: string) => document.querySelector(`input[name="markStyle"][value="${value}"]`);
/** linkedom's inputs have no checked property: preact keeps the attribute instead. */
const shows = (value: string) => radio(value)?.hasAttribute("checked") === true;

describe("the options page", () => {
  it("does not show a stored read that one of its saves overtook", async () => {
    store.sync.items.set("settings", { ...DEFAULT_SETTINGS, disabledSites: undefined });
    render(h(App, {}), document.getElementById("app") as unknown as Element);
    await until(() => shows("underline"));

    // A save whose write waits; meanwhile another page's change makes the page read, and that read answers late.
    const write = gate();
    store.holdWrites(write.promise);
    radio("tint")!.dispatchEvent(new window.Event("change", { bubbles: true }));
    await until(() => shows("tint"));
    const read = gate();
    store.holdReads(read.promise);
    for (const l of store.listeners) l({ settings: { newValue: {} } }, "sync");
    store.holdReads(null);
    const beforeWrite = store.reads();
    write.open();
    // The page reads once its save is done (no save pending, then).
    await until(() => store.reads() > beforeWrite);
    // The read made before the write answers now, with the style as it was.
    const beforeAnswer = store.reads();
    read.open();
    // Either the page shows that answer, or it reads again instead.
    await until(() => !shows("tint") || store.reads() > beforeAnswer);
    await until(() => shows("tint") || shows("underline"));
    expect(shows("tint")).toBe(true);
    expect(shows("underline")).toBe(false);
  });
});
