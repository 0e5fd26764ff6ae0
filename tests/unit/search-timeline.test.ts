import { describe, expect, it } from "vitest";
import { knowledge } from "../../src/knowledge/index";
import { searchEntities } from "../../src/core/knowledge/search";
import { placeOnTimeline } from "../../src/core/knowledge/timeline";

describe("searchEntities", () => {
  it("finds by alias, ignoring accents and case", () => {
    expect(searchEntities(knowledge, "Sergey Lavrov")[0]?.id).toBe("sergei-lavrov");
    expect(searchEntities(knowledge, "erdogan")[0]?.id).toBe("recep-tayyip-erdogan");
    expect(searchEntities(knowledge, "NIINISTO")[0]?.id).toBe("sauli-niinisto");
  });
  it("ranks exact names before partial ones", () => {
    expect(searchEntities(knowledge, "NATO")[0]?.id).toBe("nato");
  });
  it("finds nothing for an empty query", () => {
    expect(searchEntities(knowledge, "  ")).toEqual([]);
  });
});

describe("placeOnTimeline", () => {
  it("brings forward the events within a year of the article", () => {
    const placed = placeOnTimeline(knowledge.timeline, "2021-10-18");
    const dates = placed.near.map((e) => e.date);
    expect(dates).toContain("2021-10-06");
    expect(dates).toContain("2021-11-01");
    expect(dates.every((d) => d >= "2020-10-18" && d <= "2022-10-18")).toBe(true);
    expect(knowledge.timeline[placed.position - 1]!.date <= "2021-10-18").toBe(true);
    expect(knowledge.timeline[placed.position]!.date > "2021-10-18").toBe(true);
  });
});
