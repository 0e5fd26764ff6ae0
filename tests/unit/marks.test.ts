import { describe, expect, it } from "vitest";
import { markCounts, markKey, marksFrom, summarize, type Mark } from "../../src/core/marks";
import { markIndex } from "../../src/core/mark-index";
import { buildTextMap } from "../../src/core/textmap/textmap";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { documentFrom } from "./helpers";

const found = {
  mentions: [
    { start: 30, end: 34, entityId: "nato", name: "NATO", type: "organization" as const, text: "NATO" },
    { start: 0, end: 12, entityId: "mark-rutte", name: "Mark Rutte", type: "person" as const, text: "Rutte" },
    { start: 40, end: 44, entityId: "nato", name: "NATO", type: "organization" as const, text: "Nato" },
  ],
  unknown: [
    { start: 20, end: 28, text: "Jane Doe", type: "person" as const },
    { start: 50, end: 58, text: "Acme Ltd", type: "organization" as const },
    { start: 60, end: 68, text: "Jane Doe", type: "person" as const },
  ],
};

describe("marks from the names found", () => {
  it("keeps every kind the reader marks, known and unknown, in text order", () => {
    const marks = marksFrom(found, DEFAULT_SETTINGS.kinds);
    expect(marks.map((m) => [m.start, m.kind, m.entityId ?? m.text])).toEqual([
      [0, "person", "mark-rutte"], [20, "unknown", "Jane Doe"], [30, "organization", "nato"], [40, "organization", "nato"], [50, "unknown", "Acme Ltd"], [60, "unknown", "Jane Doe"],
    ]);
    expect(marks[1]).toMatchObject({ name: "Jane Doe", guess: "person", entityId: null });
    expect(marks[0]).toMatchObject({ name: "Mark Rutte", text: "Rutte", guess: null });
  });

  it("leaves out the kinds the reader switched off", () => {
    expect(marksFrom(found, { person: false, organization: true, unknown: false }).map((m) => m.entityId)).toEqual(["nato", "nato"]);
    expect(marksFrom(found, { person: true, organization: false, unknown: true }).map((m) => m.kind)).toEqual(["person", "unknown", "unknown", "unknown"]);
  });

  it("counts an entity by its id and an unknown name by its text", () => {
    const marks = marksFrom(found, DEFAULT_SETTINGS.kinds);
    expect(Object.fromEntries(markCounts(marks))).toEqual({ "mark-rutte": 1, nato: 2, "?Jane Doe": 2, "?Acme Ltd": 1 });
    expect(markKey(marks[1]!)).toBe("?Jane Doe");
  });
});

describe("the page summary", () => {
  const base = { isArticle: true, forced: false, title: "Headline", published: "2026-10-18", dateSetByReader: false };

  it("lists each name once with its count, most mentioned first", () => {
    const summary = summarize("news.example", marksFrom(found, DEFAULT_SETTINGS.kinds), base);
    expect(summary).toEqual({
      ...base,
      host: "news.example",
      marking: true,
      entities: [{ id: "nato", name: "NATO", type: "organization", count: 2 }, { id: "mark-rutte", name: "Mark Rutte", type: "person", count: 1 }],
      unknown: [{ text: "Jane Doe", type: "person", count: 2 }, { text: "Acme Ltd", type: "organization", count: 1 }],
    });
  });

  it("reads an unknown name without a guess as a person, and an empty page as no names", () => {
    const unguessed: Mark = { start: 0, end: 3, text: "Foo", kind: "unknown", entityId: null, name: "Foo", guess: null, office: null, about: null };
    expect(summarize("h", [unguessed], base).unknown).toEqual([{ text: "Foo", type: "person", count: 1 }]);
    expect(summarize("h", [], base)).toMatchObject({ entities: [], unknown: [], marking: true });
  });
});

describe("the hit-test index", () => {
  const doc = documentFrom("<!doctype html><html><body><p>Mark Rutte met <b>Jane Doe</b> and NATO.</p><p>NATO again.</p></body></html>");
  const map = buildTextMap(doc.body);
  const at = (word: string, from = 0) => map.text.indexOf(word, from);
  const mark = (word: string, shown = true, from = 0) => ({ start: at(word, from), end: at(word, from) + word.length, word, shown });
  /** The node and offset in it of a text offset, as a caret position gives them. */
  const caret = (offset: number) => {
    const i = map.starts.findLastIndex((s) => s <= offset);
    return [map.nodes[i]!, offset - map.starts[i]!] as const;
  };

  it("finds the mark under a caret anywhere in it, from another text node too", () => {
    const marks = [mark("Mark Rutte"), mark("Jane Doe"), mark("NATO"), mark("NATO", true, at("again") - 5)];
    const index = markIndex(map.nodes, map.starts, marks);
    for (const m of marks) {
      for (const offset of [m.start, m.end - 1]) expect(index.near(...caret(offset)).map((x) => x.start)).toContain(m.start);
    }
    // Only neighbours come back: never the whole list.
    expect(index.near(...caret(marks[0]!.start)).length).toBeLessThanOrEqual(3);
    expect(index.near(...caret(marks[3]!.start)).map((x) => x.word)).not.toContain("Mark Rutte");
  });

  it("never offers a hidden mention, a node outside the text, or anything when nothing is marked", () => {
    const marks = [mark("Mark Rutte"), mark("Jane Doe", false)];
    const index = markIndex(map.nodes, map.starts, marks);
    expect(index.near(...caret(marks[1]!.start)).map((x) => x.word)).toEqual(["Mark Rutte"]);
    expect(index.near(doc.createTextNode("NATO"), 0)).toEqual([]);
    expect(markIndex(map.nodes, map.starts, []).near(...caret(0))).toEqual([]);
  });
});
