import { describe, expect, it } from "vitest";
import { knowledge } from "../../src/knowledge/index";
import { searchEntities } from "../../src/core/knowledge/search";
import { byYear, eventsInvolving, filterTimeline, involvesPage, placeOnTimeline, timelineSubjects } from "../../src/core/knowledge/timeline";
import { roleHistory } from "../../src/core/knowledge/briefing";

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

describe("the timeline, filtered and grouped", () => {
  const subjects = timelineSubjects(knowledge.timeline);
  const onPage = new Set(["nato", "sergei-lavrov", "jens-stoltenberg", "vladimir-putin", "heiko-maas"]);
  const ctx = { date: "2021-10-18", onPage, subjects };

  it("takes NATO and Russia for the timeline's own subjects, not the people in it", () => {
    expect(subjects).toEqual(new Set(["nato", "russia"]));
  });

  it("does not count an event as involving the page just because the page names NATO", () => {
    const natoOnly = knowledge.timeline.find((e) => e.entities.includes("nato") && !e.entities.some((id) => onPage.has(id) && id !== "nato"))!;
    expect(involvesPage(natoOnly, onPage, subjects)).toBe(false);
    const withPutin = knowledge.timeline.find((e) => e.entities.includes("vladimir-putin"))!;
    expect(involvesPage(withPutin, onPage, subjects)).toBe(true);
    const page = filterTimeline(knowledge.timeline, "page", ctx);
    expect(page.length).toBeGreaterThan(0);
    expect(page.length).toBeLessThan(knowledge.timeline.filter((e) => e.entities.some((id) => onPage.has(id))).length);
  });

  it("keeps events around the article, or since it", () => {
    expect(filterTimeline(knowledge.timeline, "around", ctx)).toEqual(placeOnTimeline(knowledge.timeline, "2021-10-18").near);
    const since = filterTimeline(knowledge.timeline, "since", ctx);
    expect(since.every((e) => e.date > "2021-10-18")).toBe(true);
    expect(since.length).toBe(knowledge.timeline.length - placeOnTimeline(knowledge.timeline, "2021-10-18").position);
    expect(filterTimeline(knowledge.timeline, "since", { ...ctx, date: null })).toHaveLength(knowledge.timeline.length);
  });

  it("groups events by year, in order, losing none", () => {
    const groups = byYear(knowledge.timeline);
    expect(groups.map((g) => g.year)).toEqual([...new Set(knowledge.timeline.map((e) => e.date.slice(0, 4)))]);
    expect(groups.flatMap((g) => g.events)).toEqual(knowledge.timeline);
    expect(groups.every((g) => g.events.every((e) => e.date.startsWith(g.year)))).toBe(true);
  });
});

describe("the full entry's history", () => {
  it("lists an entity's events, latest first", () => {
    const events = eventsInvolving(knowledge.timeline, "jens-stoltenberg");
    expect(events.length).toBe(knowledge.timeline.filter((e) => e.entities.includes("jens-stoltenberg")).length);
    expect(events.every((e, i) => i === 0 || e.date <= events[i - 1]!.date)).toBe(true);
  });
  it("lists every role, latest start first", () => {
    const stoltenberg = knowledge.entities.find((e) => e.id === "jens-stoltenberg")!;
    const history = roleHistory(stoltenberg, "2021-10-18");
    expect(history).toHaveLength(stoltenberg.roles.length);
    expect(history[0]!.role.title).toBe("Minister of Finance");
    expect(history.filter((r) => r.heldOnDay).map((r) => r.role.title)).toEqual(["Secretary General"]);
    expect(roleHistory(stoltenberg, null).some((r) => r.heldOnDay)).toBe(false);
    const starts = history.map((r) => r.role.start).filter((s): s is string => s !== null);
    expect(starts.every((s, i) => i === 0 || s.slice(0, 4) <= starts[i - 1]!.slice(0, 4))).toBe(true);
  });
});
