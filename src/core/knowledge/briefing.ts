import { holdsOn, startDay } from "./dates";
import { foldName } from "../text/fold";
import { sourceJudge, type Verdict } from "./sources";
import { sinceArticle, type Since } from "./since";
import type { Entity, Knowledge, Role, Source, SourceClass } from "./types";

/** A source as a reader sees it: who published it and when, and its class (state media is labelled). */
export interface SourceView {
  title: string;
  url: string;
  publisher: string;
  published: string | null;
  class: SourceClass | null;
}

const judges = new WeakMap<Knowledge, (url: string) => Verdict>();

export function viewSource(kb: Knowledge, source: Source): SourceView {
  let judge = judges.get(kb);
  if (!judge) judges.set(kb, (judge = sourceJudge(kb.sourcePolicy)));
  const verdict = judge(source.url);
  return {
    title: source.title,
    url: source.url,
    publisher: source.publisher,
    published: source.published,
    class: verdict.kind === "accepted" ? verdict.publisher.class : null,
  };
}

export interface RoleView {
  title: string;
  organization: string;
  start: string | null;
  end: string | null;
  /** The last day a source shows an open role held, when it is not known to be held now. */
  lastConfirmed?: string;
}

/** "Since this article", with roles as a reader sees them. */
export interface SinceView extends Omit<Since, "roles"> {
  roles: { change: "began" | "ended"; date: string; role: RoleView }[];
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
  /** Without a current role: the most relevant role last confirmed held, whose end is unknown. */
  lastKnownRole: RoleView | null;
  /** The date roleAtDate was chosen for. */
  date: string;
  /** The article's date as given; null when it is unknown and roles are shown as of today. */
  articleDate: string | null;
  /** What changed for the entity since an article older than a few months; null otherwise. */
  sinceArticle: SinceView | null;
  currentAsOf: string;
  summary: string;
  briefing: string;
  related: { id: string; name: string }[];
  sources: SourceView[];
}

/** True when the role is known to be held on `day` (YYYY-MM-DD); a role of unknown end counts up to its last confirmation. */
export function heldOn(r: Role, day: string): boolean {
  if (r.endUnknown && r.confirmed === undefined) return false;
  return holdsOn(r.start, r.end, r.endUnknown ? r.confirmed!.date : null, day);
}

/** Roles held on `day` (YYYY-MM-DD), in the entity's order of relevance. */
export function rolesAt(entity: Entity, day: string): Role[] {
  return entity.roles.filter((r) => heldOn(r, day));
}

export function viewRole(role: Role): RoleView {
  const view: RoleView = { title: role.title, organization: role.organization, start: role.start, end: role.end };
  if (role.endUnknown && role.confirmed) view.lastConfirmed = role.confirmed.date;
  return view;
}

export function briefingFor(kb: Knowledge, entity: Entity, date?: string | null): Briefing {
  const now = kb.header.currentAsOf;
  const day = date ? startDay(date) : now;
  const atDate = rolesAt(entity, day).map(viewRole);
  const current = rolesAt(entity, now).map(viewRole);
  const lastKnown = current.length === 0 ? entity.roles.find((r) => r.endUnknown && r.confirmed) : undefined;
  const byId = new Map(kb.entities.map((e) => [e.id, e]));
  const since = date ? sinceArticle(entity, kb.timeline, day, now) : null;
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    roleAtDate: atDate[0] ?? null,
    rolesAtDate: atDate,
    currentRole: current[0] ?? null,
    lastKnownRole: lastKnown ? viewRole(lastKnown) : null,
    date: day,
    articleDate: date ? day : null,
    sinceArticle: since ? { ...since, roles: since.roles.map((c) => ({ change: c.change, date: c.date, role: viewRole(c.role) })) } : null,
    currentAsOf: now,
    summary: entity.summary,
    briefing: entity.briefing,
    related: entity.related.flatMap((id) => {
      const e = byId.get(id);
      return e ? [{ id, name: e.name }] : [];
    }),
    sources: entity.sources.map((source) => viewSource(kb, source)),
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

/** Every role on file, latest start first (undated roles last), each with whether it was held on `day`: the full entry's role history. */
export function roleHistory(entity: Entity, day: string | null): { role: RoleView; heldOnDay: boolean }[] {
  const key = (r: Role) => (r.start === null ? "" : startDay(r.start));
  return [...entity.roles]
    .sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0))
    .map((r) => ({ role: viewRole(r), heldOnDay: day !== null && heldOn(r, startDay(day)) }));
}
