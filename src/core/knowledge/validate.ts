import Ajv, { type ValidateFunction } from "ajv";
import schema from "../../knowledge/knowledge.schema.json";
import { endDay, isValidPartialDate, startDay } from "./dates";
import { foldName } from "../text/fold";
import type { Knowledge } from "./types";

/** The compiled schema, built on first use. */
let validateSchema: ValidateFunction | null = null;

export interface Problem {
  /** The entry the problem is in: an entity id, "timeline[3]", "header". */
  where: string;
  rule: string;
  message: string;
}

/**
 * Schema first, then the rules a schema cannot state. Returns every problem
 * found, so an author fixes a broken file in one pass.
 */
export function validateKnowledge(data: unknown): Problem[] {
  validateSchema ??= new Ajv({ allErrors: true }).compile(schema);
  if (!validateSchema(data)) {
    return (validateSchema.errors ?? []).map((e) => ({
      where: describePath(data, e.instancePath),
      rule: `schema:${e.keyword}`,
      message: `${e.instancePath || "/"} ${e.message ?? "is invalid"}`,
    }));
  }
  return semanticProblems(data as Knowledge);
}

function describePath(data: unknown, path: string): string {
  const m = /^\/entities\/(\d+)/.exec(path);
  if (m) {
    const entity = (data as { entities?: { id?: unknown }[] }).entities?.[Number(m[1])];
    if (entity && typeof entity.id === "string") return entity.id;
  }
  const t = /^\/timeline\/(\d+)/.exec(path);
  if (t) return `timeline[${t[1]}]`;
  return path.split("/")[1] ?? "/";
}

function semanticProblems(kb: Knowledge): Problem[] {
  const problems: Problem[] = [];
  const add = (where: string, rule: string, message: string) => problems.push({ where, rule, message });

  const ids = new Set<string>();
  for (const e of kb.entities) {
    if (ids.has(e.id)) add(e.id, "unique-id", `id "${e.id}" is used by more than one entity`);
    ids.add(e.id);
  }

  // An alias that names two entities cannot be linked without context.
  const owners = new Map<string, { id: string; needsContext: boolean }[]>();
  for (const e of kb.entities) {
    const names = [
      ...[e.name, ...e.aliases].map((a) => ({ a, needsContext: false })),
      ...(e.contextAliases ?? []).map((a) => ({ a, needsContext: true })),
    ];
    const seen = new Set<string>();
    for (const { a, needsContext } of names) {
      const key = foldName(a);
      if (seen.has(key)) continue;
      seen.add(key);
      owners.set(key, [...(owners.get(key) ?? []), { id: e.id, needsContext }]);
    }
  }
  for (const [alias, list] of owners) {
    if (list.length < 2) continue;
    for (const o of list.filter((o) => !o.needsContext)) {
      const others = list.filter((x) => x.id !== o.id).map((x) => x.id);
      add(o.id, "shared-alias-ambiguous", `alias "${alias}" is shared with ${others.join(", ")} and must be a contextAlias`);
    }
  }

  const offices = new Map<string, { id: string; start: string; end: string }[]>();
  for (const e of kb.entities) {
    if (e.briefing.length > 650) add(e.id, "briefing-length", "briefing is over 650 characters");
    for (const r of e.related) {
      if (!ids.has(r)) add(e.id, "related-exists", `related id "${r}" is not an entity`);
      if (r === e.id) add(e.id, "related-exists", "an entity is not related to itself");
    }
    e.roles.forEach((role, i) => {
      const where = `${e.id} roles[${i}] (${role.title})`;
      for (const d of [role.start, role.end]) {
        if (d !== null && !isValidPartialDate(d)) add(where, "valid-date", `"${d}" is not a calendar date`);
      }
      if (role.start !== null && role.end !== null && startDay(role.start) >= endDay(role.end)) {
        add(where, "start-before-end", `start ${role.start} is not before end ${role.end}`);
      }
      if (role.office && role.start !== null) {
        const list = offices.get(role.office) ?? [];
        list.push({ id: e.id, start: startDay(role.start), end: role.end === null ? "9999-12-31" : endDay(role.end) });
        offices.set(role.office, list);
      }
    });
  }
  for (const [office, holders] of offices) {
    const sorted = [...holders].sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      // Intervals are [start, end): a successor may start on the day the predecessor ends.
      if (cur.start < prev.end && prev.id !== cur.id) {
        add(cur.id, "single-holder-office", `office "${office}" overlaps with ${prev.id} (${prev.start}…${prev.end})`);
      }
    }
  }

  kb.timeline.forEach((ev, i) => {
    const where = `timeline[${i}] (${ev.title})`;
    if (!isValidPartialDate(ev.date)) add(where, "valid-date", `"${ev.date}" is not a calendar date`);
    for (const id of ev.entities) if (!ids.has(id)) add(where, "related-exists", `entity "${id}" is not an entity`);
    const prev = kb.timeline[i - 1];
    if (prev && startDay(prev.date) > startDay(ev.date)) add(where, "timeline-sorted", `${ev.date} comes after ${prev.date}`);
  });

  if (!isValidPartialDate(kb.header.currentAsOf)) add("header", "valid-date", "currentAsOf is not a calendar date");
  return problems;
}
