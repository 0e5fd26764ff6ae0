import { describe, expect, it } from "vitest";
import { briefingFor, findEntity, rolesAt } from "../../src/core/knowledge/briefing";
import { endDay, isValidPartialDate, startDay } from "../../src/core/knowledge/dates";
import type { Entity, Knowledge } from "../../src/core/knowledge/types";
import { testPolicy, testSource } from "./helpers";

const source = testSource;
const role = (title: string, start: string | null, end: string | null, office?: string) => ({ title, organization: "Org", start, end, source, ...(office ? { office } : {}) });

const person: Entity = {
  id: "a-person",
  type: "person",
  name: "Ann Person",
  aliases: ["Person"],
  summary: "A person for tests.",
  briefing: "A briefing long enough to pass the schema's minimum length.",
  roles: [
    role("Foreign Minister", "2018-03-14", "2021-12-08", "fm"),
    role("Party Leader", "2019-05", null),
    role("Justice Minister", "2013", "2018-03-14"),
    role("Envoy", "2022-01", "2022-03"),
  ],
  related: [],
  sources: [source],
};
const kb: Knowledge = { header: { name: "T", version: "0.0.1", currentAsOf: "2026-11-26", language: "en" }, sourcePolicy: testPolicy, entities: [person], timeline: [] };

describe("partial dates", () => {
  it("reads a start as the first day of its period and an end as the day after it", () => {
    expect(startDay("2013")).toBe("2013-01-01");
    expect(startDay("2019-05")).toBe("2019-05-01");
    expect(endDay("2013")).toBe("2014-01-01");
    expect(endDay("2022-03")).toBe("2022-04-01");
    expect(endDay("2022-12")).toBe("2023-01-01");
    expect(endDay("2021-12-08")).toBe("2021-12-08");
  });
  it("rejects dates that are not on the calendar", () => {
    expect(isValidPartialDate("2021-02-29")).toBe(false);
    expect(isValidPartialDate("2024-02-29")).toBe(true);
    expect(isValidPartialDate("2021-13")).toBe(false);
    expect(isValidPartialDate("21-10-18")).toBe(false);
  });
});

describe("role at a date", () => {
  it("lists concurrent roles in the entity's order of relevance", () => {
    expect(rolesAt(person, "2020-06-01").map((r) => r.title)).toEqual(["Foreign Minister", "Party Leader"]);
  });
  it("treats an end date as exclusive: the day the office passed on", () => {
    expect(rolesAt(person, "2021-12-07").map((r) => r.title)).toContain("Foreign Minister");
    expect(rolesAt(person, "2021-12-08").map((r) => r.title)).not.toContain("Foreign Minister");
    expect(rolesAt(person, "2018-03-14").map((r) => r.title)).toEqual(["Foreign Minister"]);
  });
  it("holds an open-ended role up to now", () => {
    expect(rolesAt(person, "2026-11-26").map((r) => r.title)).toEqual(["Party Leader"]);
  });
  it("holds month- and year-precision roles for the whole period", () => {
    expect(rolesAt(person, "2013-01-01").map((r) => r.title)).toEqual(["Justice Minister"]);
    expect(rolesAt(person, "2022-03-31").map((r) => r.title)).toContain("Envoy");
    expect(rolesAt(person, "2022-04-01").map((r) => r.title)).not.toContain("Envoy");
  });
  it("has no role before the first one began", () => {
    expect(rolesAt(person, "2012-12-31")).toEqual([]);
    expect(briefingFor(kb, person, "2012-12-31").roleAtDate).toBeNull();
  });
});

describe("briefing", () => {
  it("gives the role at the article's date and the role now", () => {
    const b = briefingFor(kb, person, "2021-10-18");
    expect(b.roleAtDate?.title).toBe("Foreign Minister");
    expect(b.rolesAtDate.map((r) => r.title)).toEqual(["Foreign Minister", "Party Leader"]);
    expect(b.currentRole?.title).toBe("Party Leader");
  });
  it("uses the knowledge base's date without an article date", () => {
    expect(briefingFor(kb, person).roleAtDate?.title).toBe("Party Leader");
    expect(briefingFor(kb, person).date).toBe("2026-11-26");
  });
  it("finds an entity by alias, ignoring case and accents", () => {
    expect(findEntity(kb, "pérson")?.id).toBe("a-person");
    expect(findEntity(kb, "ANN PERSON")?.id).toBe("a-person");
    expect(findEntity(kb, "nobody")).toBeUndefined();
  });
});
