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
