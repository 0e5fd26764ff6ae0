/**
 * Calendar dates shown to the reader ("8 March 2026", "October 2021", "18 Oct"), in the reader's language. A date
 * is a day as written (YYYY-MM-DD, YYYY-MM), not a moment: it is read and shown in UTC, so no time zone can move it
 * to the day before or after.
 */
const inUtc = (date: string) => new Date(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`);

/** "8 March 2026" for "2026-03-08". */
export function dayLine(day: string, locale: string): string {
  return inUtc(day).toLocaleDateString(locale, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
}

/** "October 2021" for "2021-10-18" or "2021-10". */
export function monthLine(date: string, locale: string): string {
  return inUtc(date).toLocaleDateString(locale, { timeZone: "UTC", month: "long", year: "numeric" });
}

/** "18 Oct" for "2021-10-18", "Oct" for "2021-10", nothing for a year alone (the year is shown apart). */
export function dayInYear(date: string, locale: string): string {
  if (date.length === 4) return "";
  return inUtc(date).toLocaleDateString(locale, { timeZone: "UTC", month: "short", ...(date.length === 10 ? { day: "numeric" } : {}) });
}
