import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/shared/messages";

describe("parseMessage", () => {
  it("accepts our messages", () => {
    expect(parseMessage({ type: "get-summary", tabId: 3 })).toEqual({ type: "get-summary", tabId: 3 });
    expect(parseMessage({ type: "get-briefing", entityId: "nato", date: "2021-10-18" })).toEqual({ type: "get-briefing", entityId: "nato", date: "2021-10-18" });
    const summary = { isArticle: true, title: "T", published: null, entities: [{ id: "nato", name: "NATO", type: "organization", count: 2 }] };
    expect(parseMessage({ type: "page-summary", summary })).toEqual({ type: "page-summary", summary });
  });
  it("rejects anything else", () => {
    for (const bad of [null, 1, "x", [], {}, { type: "get-summary", tabId: "3" }, { type: "get-summary", tabId: -1 }, { type: "get-briefing", entityId: 1, date: null },
      { type: "get-briefing", entityId: "nato", date: "yesterday" }, { type: "page-summary", summary: { isArticle: "yes", title: null, published: null, entities: [] } },
      { type: "page-summary", summary: { isArticle: true, title: null, published: null, entities: [{ id: "x", name: "X", type: "alien", count: 1 }] } }, { type: "eval", code: "1" }]) {
      expect(parseMessage(bad)).toBeNull();
    }
  });
});
