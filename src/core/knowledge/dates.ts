import type { PartialDate } from "./types";

/**
 * Partial dates compare by the interval they stand for. A role that starts in
 * "2012-05" has certainly begun by 2012-06-01 and certainly not before
 * 2012-05-01; we read a start as its earliest day and an (exclusive) end as
 * the day after its period, so month- and year-precision roles are held for
 * the whole period the source allows.
 */
export function startDay(date: PartialDate): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

export function endDay(date: PartialDate): string {
  if (date.length === 10) return date;
  if (date.length === 4) return `${Number(date) + 1}-01-01`;
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/**
 * Whether a term from `start` to the exclusive `end` covers `day` (YYYY-MM-DD); `until`, when given, is the last
 * day a source showed an open term held (its end is unknown), and the term counts up to it only.
 */
export function holdsOn(start: PartialDate | null, end: PartialDate | null, until: string | null, day: string): boolean {
  if (start !== null && startDay(start) > day) return false;
  if (until !== null) return day <= until;
  return end === null || day < endDay(end);
}

/** True when a "YYYY", "YYYY-MM" or "YYYY-MM-DD" string names a real calendar date. */
export function isValidPartialDate(date: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** "2014-10-01" → "2014"; used in compact spans such as "(2014–2024)". */
export function year(date: PartialDate): string {
  return date.slice(0, 4);
}
