import { describe, expect, it } from "vitest";
import { calmMarks, headline } from "../../src/core/mentions/calm";
import { buildTextMap, type Heading } from "../../src/core/textmap/textmap";
import { compileMatcher } from "../../src/core/mentions/compile";
import { scanDocument } from "../../src/core/scan";
import { knowledge } from "../../src/knowledge/index";
import { demoDocument, documentFrom } from "./helpers";

const mark = (start: number, id: string) => ({ start, end: start + 4, id });
const key = (m: { id: string }) => m.id;

describe("headings in the text map", () => {
  it("records each heading's text range and level, in text order", () => {
    const doc = documentFrom("<!doctype html><html><body><p>NATO AND RUSSIA</p><h1>Russia <em>ends</em> dialogue</h1><p>Lead.</p><h2>Reaction</h2><p>Body.</p><h3></h3></body></html>");
    const map = buildTextMap(doc.body);
    expect(map.headings.map((h) => [map.text.slice(h.start, h.end), h.level])).toEqual([["Russia ends dialogue", 1], ["Reaction", 2]]);
  });
});

describe("calm marks", () => {
  const headings: Heading[] = [
    { start: 20, end: 50, level: 1 },
    { start: 200, end: 220, level: 2 },
    { start: 400, end: 420, level: 2 },
  ];

  it("finds the headline and a short kicker above it", () => {
    expect(headline(headings)).toEqual({ start: 0, end: 50 });
    expect(headline([{ start: 900, end: 950, level: 1 }])).toEqual({ start: 900, end: 950 });
    expect(headline([{ start: 0, end: 10, level: 2 }, { start: 20, end: 50, level: 1 }])).toBeNull();
    expect(headline([])).toBeNull();
  });

  it("paints each name's first mention in each section, none in the headline or kicker", () => {
    const marks = [mark(2, "nato"), mark(30, "nato"), mark(60, "nato"), mark(80, "lavrov"), mark(120, "nato"), mark(210, "nato"), mark(300, "nato"), mark(500, "lavrov"), mark(510, "lavrov")];
    expect(calmMarks(marks, key, headings)).toEqual([false, false, true, true, false, true, false, true, false]);
  });

  it("paints every mention, the headline's included, when asked", () => {
    const marks = [mark(2, "nato"), mark(60, "nato"), mark(120, "nato")];
    expect(calmMarks(marks, key, headings, true)).toEqual([true, true, true]);
  });

  it("treats a page without headings as one section", () => {
    expect(calmMarks([mark(0, "a"), mark(10, "a"), mark(20, "b")], key, [])).toEqual([true, false, true]);
  });

  it("leaves the demo article under 25 marks, every person and organization in its body marked", () => {
    const scan = scanDocument(demoDocument(), compileMatcher(knowledge));
    const marks = [...scan.mentions.map((m) => ({ ...m, key: m.entityId })), ...scan.unknown.map((u) => ({ ...u, key: `?${u.text}` }))].sort((a, b) => a.start - b.start);
    const painted = calmMarks(marks, (m) => m.key, scan.map!.headings);
    const shown = marks.filter((_, i) => painted[i]);
    expect(shown.length).toBeLessThanOrEqual(25);
    expect(new Set(shown.map((m) => m.key))).toEqual(new Set(marks.map((m) => m.key)));
    // The kicker ("NATO and Russia") and the headline ("Russia ends dialogue with NATO") are not marked.
    const head = headline(scan.map!.headings)!;
    expect(scan.map!.text.slice(head.start, head.end)).toMatch(/^\s*NATO and Russia\s+Russia ends dialogue with NATO$/);
    expect(shown.every((m) => m.start >= head.end)).toBe(true);
  });
});
