import { describe, expect, it } from "vitest";
import { injectionTarget, isExtensionPage, isTopFrameContentScript, rateLimit } from "../../src/core/senders";

const ID = "abcdef";
const ORIGIN = "chrome-extension://abcdef/";
const popup = { id: ID, url: `${ORIGIN}popup.html` };
const popupInTab = { id: ID, url: `${ORIGIN}popup.html?tab=3`, tab: { id: 9 }, frameId: 0 };
const content = { id: ID, url: "https://news.example/a", tab: { id: 3 }, frameId: 0 };
const frame = { id: ID, url: "https://ads.example/f", tab: { id: 3 }, frameId: 7 };
const otherExtension = { id: "zzz", url: "chrome-extension://zzz/popup.html" };

describe("the background's senders", () => {
  it("knows our extension pages, the popup opened as a page included", () => {
    expect(isExtensionPage(popup, ID, ORIGIN)).toBe(true);
    expect(isExtensionPage(popupInTab, ID, ORIGIN)).toBe(true);
    for (const s of [content, frame, otherExtension, { id: ID }, { id: ID, url: "https://x.example/chrome-extension://abcdef/" }]) expect(isExtensionPage(s, ID, ORIGIN)).toBe(false);
  });
  it("knows a content script in a tab's top frame", () => {
    expect(isTopFrameContentScript(content, ID, ORIGIN)).toBe(true);
    for (const s of [frame, popup, popupInTab, otherExtension, { ...content, id: "zzz" }, { ...content, tab: {} }]) expect(isTopFrameContentScript(s, ID, ORIGIN)).toBe(false);
  });
  it("injects the rest of the content script only into the top frame's document that asked", () => {
    expect(injectionTarget({ ...content, documentId: "D1" }, ID, ORIGIN)).toEqual({ tabId: 3, documentIds: ["D1"] });
    // A browser that names no documents: the tab's top frame.
    expect(injectionTarget(content, ID, ORIGIN)).toEqual({ tabId: 3, frameIds: [0] });
    for (const s of [frame, popup, popupInTab, otherExtension, { ...content, id: "zzz" }, { ...content, tab: {} }, { ...content, url: "file:///etc/passwd" }, { ...content, url: undefined }]) {
      expect(injectionTarget(s, ID, ORIGIN)).toBeNull();
    }
  });
});

describe("rate limiting", () => {
  it("grants up to max per window and key, then again once the window has passed", () => {
    const allow = rateLimit(2, 1000);
    expect([allow("tab:1", 0), allow("tab:1", 10), allow("tab:1", 20), allow("tab:2", 20)]).toEqual([true, true, false, true]);
    expect(allow("tab:1", 999)).toBe(false);
    expect(allow("tab:1", 1001)).toBe(true);
  });
});
