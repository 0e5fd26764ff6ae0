import { describe, expect, it } from "vitest";
import { knowledge } from "../../src/knowledge/index";
import { validateKnowledge } from "../../src/core/knowledge/validate";
import { briefingFor, findEntity } from "../../src/core/knowledge/briefing";
import type { Knowledge } from "../../src/core/knowledge/types";

const copy = (): Knowledge => structuredClone(knowledge);
const rules = (kb: unknown) => validateKnowledge(kb).map((p) => p.rule);

describe("the bundled knowledge base", () => {
  it("passes the schema and every semantic rule", () => {
    expect(validateKnowledge(knowledge)).toEqual([]);
  });
  it("calls Stoltenberg NATO Secretary General in October 2021 and says what he is now", () => {
    const stoltenberg = findEntity(knowledge, "Stoltenberg")!;
    const b = briefingFor(knowledge, stoltenberg, "2021-10-18");
    expect(b.roleAtDate).toMatchObject({ title: "Secretary General", organization: "NATO", start: "2014-10-01", end: "2024-10-01" });
    expect(b.currentRole).toMatchObject({ title: "Minister of Finance", organization: "Norway" });
  });
  it("gives Rutte the office from the day Stoltenberg left it", () => {
    const rutte = findEntity(knowledge, "Mark Rutte")!;
    expect(briefingFor(knowledge, rutte, "2024-06-30").roleAtDate?.title).toBe("Prime Minister");
    expect(briefingFor(knowledge, rutte, "2024-09-30").roleAtDate).toBeNull();
    expect(briefingFor(knowledge, rutte, "2024-10-01").roleAtDate?.title).toBe("Secretary General");
  });
});

describe("validation catches a broken file", () => {
  it("names a duplicate id", () => {
    const kb = copy();
    kb.entities.push({ ...kb.entities[0]!, aliases: [], contextAliases: [] });
    const problems = validateKnowledge(kb);
    expect(problems.map((p) => p.rule)).toContain("unique-id");
    expect(problems.find((p) => p.rule === "unique-id")?.where).toBe(kb.entities[0]!.id);
  });
  it("names overlapping holders of a single-holder office", () => {
    const kb = copy();
    const rutte = kb.entities.find((e) => e.id === "mark-rutte")!;
    rutte.roles[0]!.start = "2024-09-01";
    const problems = validateKnowledge(kb);
    expect(problems).toContainEqual(expect.objectContaining({ rule: "single-holder-office", where: "mark-rutte" }));
  });
  it("requires a source for every entity and role", () => {
    const kb = copy() as unknown as { entities: Record<string, unknown>[] };
    delete kb.entities[0]!["sources"];
    expect(rules(kb)).toContain("schema:required");
    const kb2 = copy();
    delete (kb2.entities[0]!.roles[0] as unknown as Record<string, unknown>)["source"];
    expect(rules(kb2)).toContain("schema:required");
  });
  it("requires a shared alias to be a context alias", () => {
    const kb = copy();
    kb.entities[1]!.aliases.push(kb.entities[0]!.name);
    expect(rules(kb)).toContain("shared-alias-ambiguous");
  });
  it("rejects impossible dates, reversed roles, dangling ids and an unsorted timeline", () => {
    const kb = copy();
    const role = kb.entities.find((e) => e.roles.length > 0)!.roles[0]!;
    role.start = "2021-02-30";
    expect(rules(kb)).toContain("valid-date");
    role.start = "2030-01-01";
    role.end = "2020-01-01";
    expect(rules(kb)).toContain("start-before-end");
    const kb2 = copy();
    kb2.entities[0]!.related.push("no-such-entity");
    expect(rules(kb2)).toContain("related-exists");
    const kb3 = copy();
    kb3.timeline.reverse();
    expect(rules(kb3)).toContain("timeline-sorted");
  });
});
