import { expect, it } from "vitest";
import { ZONES } from "../../vitest.config";

// The zone projects of vitest.config.ts set TZ: this shows it took, so their date tests could fail there.
it("runs in the time zone its project names", () => {
  const zone = process.env["TZ"] ?? "";
  expect(Object.keys(ZONES)).toContain(zone);
  expect(new Date(2021, 9, 18).getTimezoneOffset()).toBe(ZONES[zone]);
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
});
