import { endDay, startDay } from "./dates";
import { foldName } from "../text/fold";
import type { Entity, Knowledge, Role, Source } from "./types";

export interface RoleView {
  title: string;
  organization: string;
  start: string | null;
  end: string | null;
}

/** What a card, the popup and `npm run brief` show for one entity. */
export interface Briefing {
  id: string;
  name: string;
  type: Entity["type"];
  /** The most relevant role held at the article's date (or now, without a date). */
  roleAtDate: RoleView | null;
  /** Every role held at that date, most relevant first. */
  rolesAtDate: RoleView[];
  /** The most relevant role held as of the knowledge base's date. */
  currentRole: RoleView | null;
  /** The date roleAtDate was chosen for. */
  date: string;
  currentAsOf: string;
  summary: string;
  briefing: string;
  related: { id: string; name: string }[];
  sources: Source[];
}

/** Roles held on `day` (YYYY-MM-DD), in the entity's order of relevance. */
export function rolesAt(entity: Entity, day: string): Role[] {
  return entity.roles.filter(
    (r) => (r.start === null || startDay(r.start) <= day) && (r.end === null || day < endDay(r.end)),
  );
}

export function viewRole(role: Role): RoleView {
  return { title: role.title, organization: role.organization, start: role.start, end: role.end };
}

export function briefingFor(kb: Knowledge, entity: Entity, date?: string | null): Briefing {
  const now = kb.header.currentAsOf;
  const day = date ? startDay(date) : now;
  const atDate = rolesAt(entity, day).map(viewRole);
  const current = rolesAt(entity, now).map(viewRole);
  const byId = new Map(kb.entities.map((e) => [e.id, e]));
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    roleAtDate: atDate[0] ?? null,
    rolesAtDate: atDate,
    currentRole: current[0] ?? null,
    date: day,
    currentAsOf: now,
    summary: entity.summary,
    briefing: entity.briefing,
    related: entity.related.flatMap((id) => {
      const e = byId.get(id);
      return e ? [{ id, name: e.name }] : [];
    }),
    sources: [...entity.sources],
  };
}

/** Finds an entity by id, name or any alias, ignoring case and accents. */
export function findEntity(kb: Knowledge, query: string): Entity | undefined {
  const key = foldName(query);
  return (
    kb.entities.find((e) => e.id === query) ??
    kb.entities.find((e) => foldName(e.name) === key) ??
    kb.entities.find((e) => e.aliases.some((a) => foldName(a) === key)) ??
    kb.entities.find((e) => (e.contextAliases ?? []).some((a) => foldName(a) === key))
  );
}
