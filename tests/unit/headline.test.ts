import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectArticle } from "../../src/core/article/detect";
import { withoutSite } from "../../src/core/article/headline";
import { documentFrom } from "./helpers";

interface Shape { kind: string; origin: string; head: string; top?: string; h1?: string; want: string; from: string }
const { shapes } = JSON.parse(readFileSync(new URL("../fixtures/headline-shapes.json", import.meta.url), "utf8")) as { shapes: Shape[] };
const prose = `<p>${"The ministers met for a second day, and their statement, read out in the evening, named the systems each country would send. ".repeat(3)}</p>`.repeat(4);

describe("the headline, by the shapes outlets give it (tests/fixtures/headline-shapes.json)", () => {
  for (const s of shapes) {
    it(s.kind, () => {
      const doc = documentFrom(`<html><head>${s.head}</head><body>${s.top ?? ""}<article>${s.h1 ?? ""}${prose}</article></body></html>`);
      const a = detectArticle(doc);
      expect(a.isArticle).toBe(true);
      expect([a.title, a.titleFrom]).toEqual([s.want, s.from]);
    });
  }
});

describe("withoutSite", () => {
  it("keeps a short title's second half, which may be the headline's own", () => {
    expect(withoutSite("Brexit - what next", [])).toBe("Brexit - what next");
    expect(withoutSite("Oil prices fall again as demand slows - Markets", [])).toBe("Oil prices fall again as demand slows");
  });
  it("takes only the site's name and dates when told not to cut short parts", () => {
    expect(withoutSite("Oil prices fall again as demand slows - Markets", [], false)).toBe("Oil prices fall again as demand slows - Markets");
    expect(withoutSite("Oil prices fall again | Example | 21.05.2019", ["Example"], false)).toBe("Oil prices fall again");
  });
});
