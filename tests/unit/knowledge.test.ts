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
    // No page after December 2025 shows him in post: the card says "last confirmed", never "now".
    expect(b.currentRole ?? b.lastKnownRole).toMatchObject({ title: "Minister of Finance", organization: "Norway" });
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

describe("sources and freshness", () => {
  /** A role of the file made open and freshly confirmed, whatever the file's own confirmations are. */
  const openRole = (kb: Knowledge) => {
    const role = kb.entities.find((e) => e.type === "person" && e.roles.some((r) => r.end !== null && !r.office))!.roles.find((r) => r.end !== null && !r.office)!;
    role.end = null;
    delete role.endUnknown;
    role.start = "2010";
    role.confirmed = { date: "2026-10-01", source: { ...role.source, published: "2026-10-01" } };
    expect(validateKnowledge(kb)).toEqual([]);
    return role;
  };
  it("rejects a source on a rejected host or pattern, and one on a host the policy does not list", () => {
    const kb = copy();
    kb.entities[0]!.sources[0]!.url = "https://piglix.com/piglix/Sergey_Lavrov";
    kb.entities[1]!.sources[0]!.url = "https://en.kevinzhw153.workers.dev/wiki/NATO";
    kb.entities[2]!.sources[0]!.url = "https://unlisted-outlet.example/story";
    const problems = validateKnowledge(kb);
    expect(problems.filter((p) => p.rule === "source-rejected").map((p) => p.where)).toEqual([`${kb.entities[0]!.id} sources[0]`, `${kb.entities[1]!.id} sources[0]`]);
    expect(problems).toContainEqual(expect.objectContaining({ rule: "source-unlisted", where: `${kb.entities[2]!.id} sources[0]` }));
  });
  it("requires the policy's publisher name, a quote on role sources, and a calendar publication date", () => {
    const kb = copy();
    const withRole = kb.entities.find((e) => e.roles.length > 0)!;
    withRole.sources[0]!.publisher = "Somebody Else";
    expect(rules(kb)).toContain("source-publisher");
    const kb2 = copy();
    delete (kb2.entities.find((e) => e.roles.length > 0)!.roles[0]!.source as { quote?: string }).quote;
    expect(rules(kb2)).toContain("schema:required");
    const kb3 = copy();
    kb3.entities[0]!.sources[0]!.published = "2021-02-30";
    expect(rules(kb3)).toContain("valid-date");
  });
  it("lets state media source only its own state's roles", () => {
    const kb = copy();
    const tass = kb.sourcePolicy.publishers.find((p) => p.name === "TASS")!;
    const role = kb.entities.find((e) => e.id === "mark-rutte")!.roles.find((r) => r.office === "nato-secretary-general")!;
    role.source = { ...role.source, url: `https://${tass.hosts[0]}/world/1`, publisher: "TASS" };
    expect(validateKnowledge(kb)).toContainEqual(expect.objectContaining({ rule: "state-media-scope", where: expect.stringContaining("mark-rutte roles") }));
  });
  it("requires an open role to be confirmed, recently, by a page of that day or later", () => {
    const kb = copy();
    delete openRole(kb).confirmed;
    expect(rules(kb)).toContain("open-role-confirmed");
    const kb2 = copy();
    const stale = openRole(kb2);
    stale.confirmed = { date: "2025-01-10", source: { ...stale.confirmed!.source, published: "2025-01-10" } };
    expect(rules(kb2)).toContain("confirmation-fresh");
    stale.endUnknown = true;
    expect(rules(kb2)).not.toContain("confirmation-fresh");
    const kb3 = copy();
    const early = openRole(kb3);
    early.confirmed = { ...early.confirmed!, source: { ...early.confirmed!.source, published: "2020-01-01" } };
    expect(rules(kb3)).toContain("confirmation-source-date");
  });
  it("keeps summaries and briefings short", () => {
    const kb = copy();
    kb.entities[0]!.summary = Array.from({ length: 26 }, () => "word").join(" ");
    kb.entities[1]!.briefing = Array.from({ length: 121 }, () => "word").join(" ");
    expect(rules(kb)).toEqual(expect.arrayContaining(["summary-length", "briefing-length"]));
  });
  it("shows a role of unknown end only up to its last confirmation, and says so", () => {
    const kb = copy();
    const entity = kb.entities.find((e) => e.roles.some((r) => r.end === null && r.confirmed))!;
    const role = entity.roles.find((r) => r.end === null && r.confirmed)!;
    for (const other of entity.roles) if (other !== role && other.end === null) { other.endUnknown = true; other.confirmed = { ...role.confirmed! }; }
    role.endUnknown = true;
    const confirmed = role.confirmed!.date;
    const b = briefingFor(kb, entity);
    expect(b.currentRole).toBeNull();
    expect(b.lastKnownRole).toMatchObject({ title: role.title, lastConfirmed: confirmed });
    expect(briefingFor(kb, entity, confirmed).roleAtDate?.title).toBe(role.title);
  });
});
