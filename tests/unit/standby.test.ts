import { describe, expect, it, vi } from "vitest";
import { WAKE_HOOK, wakeInPage, standsByInPage } from "../../src/shared/wake";

/** The runtime a standing-by page must not touch (its first use in a renderer is most of what such a page paid). */
const runtime = vi.hoisted(() => ({ used: 0 }));
vi.mock("webextension-polyfill", () => ({
  default: new Proxy({}, { get: () => { runtime.used += 1; return {}; } }),
}));
// The page watch needs a live DOM; these tests are about the wake.
vi.mock("../../src/content/page-changes", () => ({ observePage: () => () => undefined, describeChanges: () => ({}) }));

const { standBy } = await import("../../src/content/standby");

const doc = { URL: "https://news.example/front", defaultView: { setTimeout, clearTimeout } } as unknown as Document;

describe("a page standing by", () => {
  it("listens for no message and touches no extension API: it leaves a wake on the content scripts' global", () => {
    const start = vi.fn();
    standBy(doc, start as never, async () => null);
    expect(runtime.used).toBe(0);
    expect(standsByInPage(WAKE_HOOK)).toBe(true);
    expect(start).not.toHaveBeenCalled();
    delete (globalThis as Record<string, unknown>)[WAKE_HOOK];
  });

  it("wakes when the extension calls it, and stands by again when the rest could not be loaded", async () => {
    const answers = [Promise.reject(new Error("backstory.js was not injected")), Promise.resolve({ destroy() {} })];
    const start = vi.fn(() => answers.shift()!);
    standBy(doc, start as never, async () => null);

    expect(await wakeInPage(WAKE_HOOK)).toBe(false);
    expect(start).toHaveBeenCalledTimes(1);
    // Standing by again after the failed load: the next ask tries again, and the woken instance takes the message.
    expect(standsByInPage(WAKE_HOOK)).toBe(true);
    expect(await wakeInPage(WAKE_HOOK)).toBe(true);
    expect(start).toHaveBeenCalledTimes(2);
    expect(standsByInPage(WAKE_HOOK)).toBe(false);
    // Nothing stands by now: a later wake does nothing.
    expect(await wakeInPage(WAKE_HOOK)).toBe(false);
    expect(start).toHaveBeenCalledTimes(2);
  });
});
