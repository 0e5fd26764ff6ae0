import { describe, expect, it } from "vitest";
import { parseBackgroundMessage, parseContentMessage, parseFoundNames, parseMentionLines } from "../../src/shared/messages";

const summary = {
  host: "127.0.0.1:8000", marking: true, isArticle: true, forced: false, title: "T", published: null, dateSetByReader: false,
  entities: [{ id: "nato", name: "NATO", type: "organization", count: 2 }], unknown: [{ text: "Virginia Mayo", type: "person", count: 1 }],
};

describe("messages to the background", () => {
  it("accepts ours", () => {
    expect(parseBackgroundMessage({ type: "get-briefing", entityId: "nato", date: "2021-10-18" })).toEqual({ type: "get-briefing", entityId: "nato", date: "2021-10-18" });
    expect(parseBackgroundMessage({ type: "page-summary", summary, document: "d-1" })).toEqual({ type: "page-summary", summary, document: "d-1" });
    expect(parseBackgroundMessage({ type: "open-entry", entityId: "nato" })).toEqual({ type: "open-entry", entityId: "nato" });
    expect(parseBackgroundMessage({ type: "reader-date", date: "2019-05-21" })).toEqual({ type: "reader-date", date: "2019-05-21" });
    expect(parseBackgroundMessage({ type: "reader-date", date: null })).toEqual({ type: "reader-date", date: null });
    expect(parseBackgroundMessage({ type: "get-reader-date", page: "https://x/" })).toEqual({ type: "get-reader-date" });
    expect(parseBackgroundMessage({ type: "load-content", files: ["x.js"] })).toEqual({ type: "load-content" });
  });
  it("rejects anything else", () => {
    for (const bad of [null, 1, "x", [], {}, { type: "get-summary", tabId: 3 }, { type: "get-briefing", entityId: 1, date: null },
      { type: "get-briefing", entityId: "nato", date: "yesterday" }, { type: "open-entry", entityId: "<img>" },
      { type: "page-summary", summary: { ...summary, isArticle: "yes" }, document: "d-1" },
      { type: "page-summary", summary }, { type: "page-summary", summary, document: "<b>" },
      { type: "page-summary", summary: { ...summary, entities: [{ id: "x", name: "X", type: "alien", count: 1 }] } },
      { type: "page-summary", summary: { ...summary, unknown: [{ text: "X", type: "state", count: 1 }] } }, { type: "eval", code: "1" },
      { type: "page-summary", summary: { ...summary, dateSetByReader: "no" }, document: "d-1" }, { type: "reader-date", date: "21.05.2019" }, { type: "reader-date" }]) {
      expect(parseBackgroundMessage(bad)).toBeNull();
    }
  });
});

describe("messages to a content script", () => {
  it("accepts ours", () => {
    expect(parseContentMessage({ type: "command", command: "next-name" })).toEqual({ type: "command", command: "next-name" });
    expect(parseContentMessage({ type: "scan-anyway" })).toEqual({ type: "scan-anyway" });
    expect(parseContentMessage({ type: "show-mention", entityId: "nato", text: null })).toEqual({ type: "show-mention", entityId: "nato", text: null, nth: null });
    expect(parseContentMessage({ type: "show-mention", entityId: "nato", text: null, nth: 3 })).toEqual({ type: "show-mention", entityId: "nato", text: null, nth: 3 });
    expect(parseContentMessage({ type: "get-mentions", entityId: null, text: "Virginia Mayo", nth: 3 })).toEqual({ type: "get-mentions", entityId: null, text: "Virginia Mayo" });
    expect(parseContentMessage({ type: "set-date", date: "2019-05-21" })).toEqual({ type: "set-date", date: "2019-05-21" });
    expect(parseContentMessage({ type: "set-date", date: null })).toEqual({ type: "set-date", date: null });
  });
  it("rejects anything else", () => {
    for (const bad of [{ type: "set-date", date: "May 21" }, { type: "show-mention", entityId: "nato", text: null, nth: -1 }, { type: "show-mention", entityId: "nato", text: null, nth: 1.5 },
      { type: "get-mentions", entityId: null, text: null }, { type: "set-date" }, { type: "command", command: "rm -rf" }, { type: "show-mention", entityId: null, text: null }, { type: "page-summary", summary }]) {
      expect(parseContentMessage(bad)).toBeNull();
    }
  });
});

describe("the background's find-names answer", () => {
  const text = "Lavrov met Stoltenberg.";
  const ok = { mentions: [{ start: 0, end: 6, entityId: "sergei-lavrov", name: "Sergei Lavrov", type: "person", text: "Lavrov" }], unknown: [{ start: 11, end: 22, text: "Stoltenberg", type: "person" }] };
  it("is taken when every range lies in the text and names what it holds", () => {
    expect(parseFoundNames(ok, text)).toEqual(ok);
  });
  it("is refused when a range leaves the text, is empty, or its text differs", () => {
    expect(parseFoundNames({ ...ok, mentions: [{ ...ok.mentions[0], end: 99 }] }, text)).toBeNull();
    expect(parseFoundNames({ ...ok, mentions: [{ ...ok.mentions[0], end: 0 }] }, text)).toBeNull();
    expect(parseFoundNames({ ...ok, unknown: [{ ...ok.unknown[0], text: "<img onerror>" }] }, text)).toBeNull();
    expect(parseFoundNames({ ...ok, mentions: [{ ...ok.mentions[0], entityId: "../../x" }] }, text)).toBeNull();
    expect(parseFoundNames(null, text)).toBeNull();
  });
  it("asks with a text of bounded length only", () => {
    expect(parseBackgroundMessage({ type: "find-names", text })).toEqual({ type: "find-names", text, lang: null, date: null });
    expect(parseBackgroundMessage({ type: "find-names", text, lang: "de-CH" })).toEqual({ type: "find-names", text, lang: "de-CH", date: null });
    expect(parseBackgroundMessage({ type: "find-names", text, lang: "<script>" })).toEqual({ type: "find-names", text, lang: null, date: null });
    // The article's date, for offices named without their holder; anything but a day is no date.
    expect(parseBackgroundMessage({ type: "find-names", text, lang: null, date: "2021-12-22" })).toEqual({ type: "find-names", text, lang: null, date: "2021-12-22" });
    expect(parseBackgroundMessage({ type: "find-names", text, lang: null, date: "yesterday" })).toEqual({ type: "find-names", text, lang: null, date: null });
    expect(parseBackgroundMessage({ type: "find-names", text: 42 })).toBeNull();
  });
});

describe("a content script's get-mentions answer", () => {
  it("is a bounded list of sentences around a name, and nothing else", () => {
    const line = { before: "Foreign Minister ", name: "Lavrov", after: " said." };
    expect(parseMentionLines([{ ...line, extra: "<img>" }])).toEqual([line]);
    expect(parseMentionLines([])).toEqual([]);
    for (const bad of [null, "x", [{ ...line, name: 3 }], [{ before: "a", name: "b" }], [{ ...line, after: "x".repeat(1001) }], Array(2001).fill(line)]) {
      expect(parseMentionLines(bad)).toBeNull();
    }
  });
});
