import Ajv, { type ValidateFunction } from "ajv";
import schema from "../../knowledge/knowledge.schema.json";
import { endDay, isValidPartialDate, startDay } from "./dates";
import { foldName } from "../text/fold";
import { sourceJudge } from "./sources";
import type { Knowledge, Publisher, Role, Source } from "./types";

/** An open role must have been seen held within this many months of `currentAsOf`. */
export const CONFIRMATION_MAX_AGE_MONTHS = 6;
export const SUMMARY_MAX_WORDS = 25;
export const BRIEFING_MAX_WORDS = 120;

/** The last day of a partial date's period: "2021-11" → "2021-11-30". */
function lastDay(date: string): string {
  if (date.length === 10) return date;
  const next = new Date(`${endDay(date)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The day `months` before `day` (YYYY-MM-DD), clamped to the month's length. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

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

  const offices = new Map<string, { id: string; start: string; latestStart: string; end: string }[]>();
  for (const e of kb.entities) {
    if (words(e.summary) > SUMMARY_MAX_WORDS) add(e.id, "summary-length", `summary has ${words(e.summary)} words (at most ${SUMMARY_MAX_WORDS})`);
    if (words(e.briefing) > BRIEFING_MAX_WORDS) add(e.id, "briefing-length", `briefing has ${words(e.briefing)} words (at most ${BRIEFING_MAX_WORDS})`);
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
        // A partial date is a period: the role began some day in it, or ended some day in it.
        const open = role.end === null ? (role.endUnknown && role.confirmed ? role.confirmed.date : "9999-12-31") : startDay(role.end);
        list.push({ id: e.id, start: startDay(role.start), latestStart: lastDay(role.start), end: open });
        offices.set(role.office, list);
      }
    });
  }
  for (const [office, holders] of offices) {
    const sorted = [...holders].sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      // Intervals are [start, end): a successor may start on the day the predecessor ends. Two holders
      // overlap only when the successor surely began before the predecessor can have left.
      if (cur.latestStart < prev.end && prev.id !== cur.id) {
        add(cur.id, "single-holder-office", `office "${office}" overlaps with ${prev.id} (${prev.start}…${prev.end})`);
      }
    }
  }

  problems.push(...sourceProblems(kb), ...freshnessProblems(kb));

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

/** Every source cited, with where it is cited and, for role sources, the role. */
export function citedSources(kb: Knowledge): { where: string; source: Source; role?: Role }[] {
  const out: { where: string; source: Source; role?: Role }[] = [];
  for (const e of kb.entities) {
    e.sources.forEach((source, i) => out.push({ where: `${e.id} sources[${i}]`, source }));
    e.roles.forEach((role, i) => {
      out.push({ where: `${e.id} roles[${i}] (${role.title})`, source: role.source, role });
      if (role.confirmed) out.push({ where: `${e.id} roles[${i}] (${role.title}) confirmed`, source: role.confirmed.source, role });
    });
  }
  kb.timeline.forEach((ev, i) => out.push({ where: `timeline[${i}] (${ev.title})`, source: ev.source }));
  return out;
}

/** A role of the state whose media the publisher is: by office key, or by the state's name in the organization. */
export function ownStateRole(publisher: Publisher, role: Role): boolean {
  if (publisher.officePrefixes?.some((p) => role.office?.startsWith(p))) return true;
  const words = role.organization.split(/[^\p{L}]+/u);
  return publisher.stateWords?.some((w) => words.includes(w)) ?? false;
}

/** The source policy holds together, and every source passes it under its own publisher's name. */
function sourceProblems(kb: Knowledge): Problem[] {
  const problems: Problem[] = [];
  const add = (where: string, rule: string, message: string) => problems.push({ where, rule, message });
  const policy = kb.sourcePolicy;
  const hostOwner = new Map<string, string>();
  for (const p of policy.publishers) {
    for (const h of p.hosts) {
      const other = hostOwner.get(h);
      if (other !== undefined) add("sourcePolicy", "policy-host-once", `host ${h} is listed for both ${other} and ${p.name}`);
      hostOwner.set(h, p.name);
      if (policy.rejected.hosts.includes(h)) add("sourcePolicy", "policy-host-once", `host ${h} is both listed for ${p.name} and rejected`);
    }
    if (p.class === "state-media" && !p.officePrefixes?.length) add("sourcePolicy", "state-media-scope", `${p.name} is state media and needs officePrefixes`);
    if (p.class !== "state-media" && p.officePrefixes) add("sourcePolicy", "state-media-scope", `${p.name} is not state media and takes no officePrefixes`);
  }
  for (const { pattern } of policy.rejected.patterns) {
    try {
      new RegExp(pattern);
    } catch {
      add("sourcePolicy", "policy-pattern", `"${pattern}" is not a regular expression`);
    }
  }
  const judge = sourceJudge(policy);
  for (const { where, source, role } of citedSources(kb)) {
    const verdict = judge(source.url);
    if (verdict.kind === "rejected") add(where, "source-rejected", `${source.url}: ${verdict.why}`);
    else if (verdict.kind === "unlisted") add(where, "source-unlisted", `${verdict.host} is not in the source policy (src/knowledge/sources.json)`);
    else {
      const publisher = verdict.publisher;
      if (source.publisher !== publisher.name) add(where, "source-publisher", `publisher "${source.publisher}" but the policy names ${verdict.publisher.name} for this host`);
      // State media may report its own state's appointments, nothing else about a role.
      if (role && publisher.class === "state-media" && !ownStateRole(publisher, role)) {
        add(where, "state-media-scope", `${publisher.name} may source only roles of its own state (${publisher.officePrefixes?.join(", ")})`);
      }
    }
    if (source.published !== null && !isValidPartialDate(source.published)) add(where, "valid-date", `published "${source.published}" is not a calendar date`);
    else if (source.published !== null && startDay(source.published) > kb.header.currentAsOf) add(where, "valid-date", `published ${source.published} is after currentAsOf`);
  }
  return problems;
}

/** Open roles say when they were last seen held, on a page of that day or later, recently enough to stand. */
function freshnessProblems(kb: Knowledge): Problem[] {
  const problems: Problem[] = [];
  const now = kb.header.currentAsOf;
  const oldest = monthsBefore(now, CONFIRMATION_MAX_AGE_MONTHS);
  for (const e of kb.entities) {
    e.roles.forEach((role, i) => {
      const where = `${e.id} roles[${i}] (${role.title})`;
      const add = (rule: string, message: string) => problems.push({ where, rule, message });
      const c = role.confirmed;
      if (role.end !== null) {
        if (c) add("confirmed-open-only", "a role with an end takes no confirmation");
        if (role.endUnknown) add("confirmed-open-only", "a role with an end cannot have an unknown end");
        return;
      }
      if (!c) return add("open-role-confirmed", "an open role needs `confirmed`: when it was last seen held, and the page that shows it");
      if (!isValidPartialDate(c.date)) return add("valid-date", `confirmed "${c.date}" is not a calendar date`);
      if (c.date > now) add("confirmation-fresh", `confirmed ${c.date} is after currentAsOf ${now}`);
      // endUnknown is the cautious claim: allowed at any age (an announced departure, a silence since).
      if (!role.endUnknown && c.date < oldest) {
        add("confirmation-fresh", `confirmed ${c.date} is more than ${CONFIRMATION_MAX_AGE_MONTHS} months before currentAsOf ${now}: confirm it again, or mark it endUnknown`);
      }
      if (role.start !== null && c.date < startDay(role.start)) add("confirmation-after-start", `confirmed ${c.date} is before the role's start ${role.start}`);
      if (c.source.published === null || startDay(c.source.published) < c.date) {
        add("confirmation-source-date", `the confirming page (published ${c.source.published ?? "undated"}) must be published on or after ${c.date}`);
      }
    });
  }
  return problems;
}
