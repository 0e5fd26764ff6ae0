import { describe, expect, it, vi } from "vitest";

/** The one runtime a standing-by page uses: its message listeners, and our own id. */
const runtime = vi.hoisted(() => {
  const listeners = new Set<(message: unknown, sender: { id?: string }) => Promise<unknown> | undefined>();
  return { id: "backstory@test", listeners, onMessage: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) } };
});
vi.mock("webextension-polyfill", () => ({ default: { runtime } }));
// The page watch needs a live DOM; these tests are about the listener.
vi.mock("../../src/content/page-changes", () => ({ observePage: () => () => undefined, describeChanges: () => ({}) }));

const { standBy } = await import("../../src/content/standby");

const doc = { location: { href: "https://news.example/front" }, defaultView: { setTimeout, clearTimeout } } as unknown as Document;
const ask = () => Promise.all([...runtime.listeners].map((listener) => listener({ type: "read-page" }, { id: runtime.id })));

describe("a page standing by", () => {
  it("wakes when the reader asks, and stands by again when the rest could not be loaded", async () => {
    const answers = [Promise.reject(new Error("backstory.js was not injected")), Promise.resolve({ receive: async () => "read" })];
    const start = vi.fn(() => answers.shift()!);
    standBy(doc, start as never, async () => null);
    expect(runtime.listeners.size).toBe(1);

    expect(await ask()).toEqual([undefined]);
    expect(start).toHaveBeenCalledTimes(1);
    // Still listening after the failed load: the next ask tries again, and the woken instance answers it.
    expect(runtime.listeners.size).toBe(1);
    expect(await ask()).toEqual(["read"]);
    expect(start).toHaveBeenCalledTimes(2);
    expect(runtime.listeners.size).toBe(0);
  });

  it("answers no message from another extension", async () => {
    const start = vi.fn();
    standBy(doc, start as never, async () => null);
    const [listener] = [...runtime.listeners];
    expect(listener!({ type: "read-page" }, { id: "someone-else" })).toBeUndefined();
    expect(start).not.toHaveBeenCalled();
    runtime.listeners.clear();
  });
});
