import { describe, expect, it } from "vitest";
import { dayInYear, dayLine, monthLine } from "../../src/core/date-lines";

// Run in the zones of vitest.config.ts too: a day read or shown through the local zone would move there.
describe("dates shown to the reader", () => {
  it("shows the day as written, at either end of a month and a year", () => {
    expect(dayLine("2021-10-18", "en-GB")).toBe("18 October 2021");
    expect(dayLine("2021-01-01", "en-GB")).toBe("1 January 2021");
    expect(dayLine("2020-12-31", "en-GB")).toBe("31 December 2020");
    expect(dayLine("2026-03-08", "de")).toBe("8. März 2026");
    expect(dayLine("2021-10-18", "en-US")).toBe("October 18, 2021");
  });

  it("shows the month of a day or of a month", () => {
    expect(monthLine("2021-10-01", "en")).toBe("October 2021");
    expect(monthLine("2021-10-31", "en")).toBe("October 2021");
    expect(monthLine("2021-01", "de")).toBe("Januar 2021");
  });

  it("shows a timeline event's day in its year, its month alone, or nothing for a year", () => {
    expect(dayInYear("2021-10-18", "en-GB")).toBe("18 Oct");
    expect(dayInYear("2022-01-01", "en-GB")).toBe("1 Jan");
    expect(dayInYear("2021-12", "en-GB")).toBe("Dec");
    expect(dayInYear("2021", "en-GB")).toBe("");
  });
});
