import { describe, expect, it } from "vitest";
import { SINCE_MAX_EVENTS, sinceArticle } from "../../src/core/knowledge/since";
import { briefingFor } from "../../src/core/knowledge/briefing";
import type { Entity, Knowledge, TimelineEvent } from "../../src/core/knowledge/types";
import { testPolicy, testSource } from "./helpers";

const source = testSource;
const role = (title: string, start: string | null, end: string | null, extra: object = {}) => ({ title, organization: "Org", start, end, source, ...extra });

const person: Entity = {
  id: "ann",
  type: "person",
  name: "Ann Person",
  aliases: [],
  summary: "A person for tests.",
  briefing: "A briefing long enough to pass the schema's minimum length.",
  roles: [
    role("Foreign Minister", "2018-03-14", "2022-12-08"),
    role("Prime Minister", "2023-02", null, { confirmed: { date: "2026-10-01", source } }),
    role("Party Leader", "2021-10", null, { confirmed: { date: "2026-10-01", source } }),
    role("Envoy", "2019", "2020"),
    role("Chair", "2020", null, { endUnknown: true, confirmed: { date: "2022-01-10", source } }),
  ],
  related: [],
  sources: [source],
};

const event = (date: string, title: string, entities: string[]): TimelineEvent => ({ date, title, summary: "What happened.", entities, source });
const timeline: TimelineEvent[] = [
  event("2021-09-01", "Before the article", ["ann"]),
  event("2022-01", "A crowded summit", ["ann", "b", "c", "d"]),
  event("2022-05-02", "Ann's own day", ["ann"]),
  event("2023-03-01", "Someone else's day", ["b"]),
  event("2024-06-01", "A meeting of three", ["ann", "b", "c"]),
  event("2025-01-01", "A meeting of two", ["ann", "b"]),
  event("2026-04-01", "Another crowded summit", ["ann", "b", "c", "d"]),
  event("2027-01-01", "After the file's date", ["ann"]),
];

describe("since this article", () => {
  it("lists roles begun and ended after the article's date, oldest first, from the file's dates", () => {
    const since = sinceArticle(person, timeline, "2021-10-18", "2026-11-26")!;
    expect(since.roles.map((c) => [c.change, c.role.title, c.date])).toEqual([
      ["ended", "Foreign Minister", "2022-12-08"],
      ["began", "Prime Minister", "2023-02"],
    ]);
  });

  it("does not count a start in the article's own month, nor ends of unknown date", () => {
    const titles = sinceArticle(person, timeline, "2021-10-18", "2026-11-26")!.roles.map((c) => c.role.title);
    // Party Leader from "2021-10": the file cannot say it began after the 18th. Chair: last confirmed, never "ended".
    expect(titles).not.toContain("Party Leader");
    expect(titles).not.toContain("Chair");
  });

  it("picks the events where the entity is most central, shown in date order, and counts them all", () => {
    const since = sinceArticle(person, timeline, "2021-10-18", "2026-11-26")!;
    expect(since.eventCount).toBe(5);
    expect(since.events).toHaveLength(SINCE_MAX_EVENTS);
    expect(since.events.map((e) => e.title)).toEqual(["Ann's own day", "A meeting of three", "A meeting of two"]);
  });

  it("leaves out events before the article and after the file's date, and events without the entity", () => {
    const titles = sinceArticle(person, timeline, "2024-01-01", "2026-11-26")!.events.map((e) => e.title);
    expect(titles).toEqual(["A meeting of three", "A meeting of two", "Another crowded summit"]);
  });

  it("says nothing for an article a few weeks old, or when nothing changed", () => {
    expect(sinceArticle(person, timeline, "2026-10-01", "2026-11-26")).toBeNull();
    expect(sinceArticle({ ...person, id: "nobody", roles: [] }, timeline, "2021-10-18", "2026-11-26")).toBeNull();
  });

  it("reaches the briefing: only with an article date, and with roles as a reader sees them", () => {
    const kb: Knowledge = { header: { name: "T", version: "0.0.1", currentAsOf: "2026-11-26", language: "en" }, sourcePolicy: testPolicy, entities: [person], timeline };
    const dated = briefingFor(kb, person, "2021-10-18");
    expect(dated.articleDate).toBe("2021-10-18");
    expect(dated.sinceArticle?.roles[0]).toEqual({ change: "ended", date: "2022-12-08", role: { title: "Foreign Minister", organization: "Org", start: "2018-03-14", end: "2022-12-08" } });
    const undated = briefingFor(kb, person, null);
    expect(undated.articleDate).toBeNull();
    expect(undated.sinceArticle).toBeNull();
  });
});
