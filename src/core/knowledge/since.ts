import { startDay } from "./dates";
import type { Entity, PartialDate, Role, TimelineEvent } from "./types";

/**
 * "Since this article": what changed for one entity between an article's date
 * and the knowledge file's date, from the file's own dates only. A reader of
 * an old article sees at a glance that the minister it quotes has left office,
 * or that the alliance it describes has gained two members.
 */

/** An article younger than this is read as current: nothing to report since. */
export const SINCE_MIN_DAYS = 90;
/** The events a card has room for; the rest are counted. */
export const SINCE_MAX_EVENTS = 3;

export interface RoleChange {
  change: "began" | "ended";
  /** The day the change happened, at the precision the file gives. */
  date: PartialDate;
  role: Role;
}

export interface SinceEvent {
  date: PartialDate;
  title: string;
}

export interface Since {
  /** The article's day (YYYY-MM-DD). */
  from: string;
  /** The knowledge file's day. */
  to: string;
  /** Roles begun or ended after the article's date, oldest first. */
  roles: RoleChange[];
  /** The main timeline events involving the entity after the date, oldest first. */
  events: SinceEvent[];
  /** All timeline events involving the entity after the date, `events` included. */
  eventCount: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * What changed for `entity` after `day` up to `now` (both YYYY-MM-DD), or null
 * when the article is recent (under SINCE_MIN_DAYS old) or nothing changed.
 *
 * A role counts as begun when its start is certainly after the day (a start
 * month that contains the day is not: the file cannot say which came first),
 * and as ended when its known end is certainly after the day and before now.
 * Roles of unknown end never count as ended: the file does not know that.
 * Events are the timeline's, after the day; "main" means those where the
 * entity is most central (fewest entities involved), then the latest.
 */
export function sinceArticle(entity: Entity, timeline: readonly TimelineEvent[], day: string, now: string): Since | null {
  if ((Date.parse(now) - Date.parse(day)) / DAY_MS < SINCE_MIN_DAYS) return null;
  const roles: RoleChange[] = [];
  for (const role of entity.roles) {
    if (role.start !== null && startDay(role.start) > day && startDay(role.start) <= now) roles.push({ change: "began", date: role.start, role });
    if (role.end !== null && !role.endUnknown && startDay(role.end) > day && startDay(role.end) <= now) roles.push({ change: "ended", date: role.end, role });
  }
  roles.sort((a, b) => (startDay(a.date) < startDay(b.date) ? -1 : startDay(a.date) > startDay(b.date) ? 1 : 0));
  const after = timeline.filter((e) => e.entities.includes(entity.id) && startDay(e.date) > day && startDay(e.date) <= now);
  const main = after
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.entities.length - b.e.entities.length || b.i - a.i)
    .slice(0, SINCE_MAX_EVENTS)
    .sort((a, b) => a.i - b.i)
    .map(({ e }) => ({ date: e.date, title: e.title }));
  if (roles.length === 0 && after.length === 0) return null;
  return { from: day, to: now, roles, events: main, eventCount: after.length };
}
