import { startDay } from "./dates";
import type { TimelineEvent } from "./types";

export interface PlacedTimeline {
  /** Events within a year either side of the date, in order. */
  near: TimelineEvent[];
  /** Index in the full timeline before which the date falls. */
  position: number;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** Places a date (YYYY-MM-DD) on the timeline (sorted by date). */
export function placeOnTimeline(timeline: TimelineEvent[], date: string): PlacedTimeline {
  const at = Date.parse(date);
  const near = timeline.filter((e) => Math.abs(Date.parse(startDay(e.date)) - at) <= YEAR_MS);
  let position = timeline.findIndex((e) => startDay(e.date) > date);
  if (position < 0) position = timeline.length;
  return { near, position };
}

/**
 * The timeline's own subjects: entities in at least this share of its events
 * (NATO and Russia on a NATO–Russia timeline). An event does not "involve the
 * page" just because the page names one of them: nearly every event would.
 */
export const SUBJECT_SHARE = 0.4;

export function timelineSubjects(timeline: readonly TimelineEvent[]): Set<string> {
  const counts = new Map<string, number>();
  for (const e of timeline) for (const id of new Set(e.entities)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= timeline.length * SUBJECT_SHARE).map(([id]) => id));
}

/** Whether an event involves a person or body named on the page, the timeline's subjects aside. */
export function involvesPage(event: TimelineEvent, onPage: ReadonlySet<string>, subjects: ReadonlySet<string>): boolean {
  return event.entities.some((id) => onPage.has(id) && !subjects.has(id));
}

export type TimelineFilter = "all" | "around" | "since" | "page";

export interface FilterContext {
  /** The article's date (YYYY-MM-DD), or null. */
  date: string | null;
  onPage: ReadonlySet<string>;
  subjects: ReadonlySet<string>;
}

/** The events a filter keeps, in order. "around" and "since" need the article's date: without one they keep everything. */
export function filterTimeline(timeline: readonly TimelineEvent[], filter: TimelineFilter, ctx: FilterContext): TimelineEvent[] {
  const { date } = ctx;
  switch (filter) {
    case "around":
      return date ? placeOnTimeline(timeline as TimelineEvent[], date).near : [...timeline];
    case "since":
      return date ? timeline.filter((e) => startDay(e.date) > date) : [...timeline];
    case "page":
      return timeline.filter((e) => involvesPage(e, ctx.onPage, ctx.subjects));
    case "all":
      return [...timeline];
  }
}

export interface YearGroup<T> {
  year: string;
  events: T[];
}

/** Dated items (events, the article) in date order, grouped by year, in order. */
export function byYear<T extends { date: string }>(events: readonly T[]): YearGroup<T>[] {
  const groups: YearGroup<T>[] = [];
  for (const e of events) {
    const year = e.date.slice(0, 4);
    const last = groups[groups.length - 1];
    if (last && last.year === year) last.events.push(e);
    else groups.push({ year, events: [e] });
  }
  return groups;
}

/** The events an entity takes part in, latest first. */
export function eventsInvolving(timeline: readonly TimelineEvent[], entityId: string): TimelineEvent[] {
  return timeline.filter((e) => e.entities.includes(entityId)).reverse();
}
