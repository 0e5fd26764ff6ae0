import { defineConfig } from "vitest/config";

/** Zones the date tests also run in, with their offset on 2021-10-18 (getTimezoneOffset: minutes behind UTC). */
export const ZONES: Record<string, number> = { "Pacific/Kiritimati": -840, "America/Los_Angeles": 420, "Pacific/Pago_Pago": 660 };
/** Everything that reads, compares or shows a date. */
const DATE_TESTS = ["dates", "date-lines", "briefing", "since", "search-timeline"].map((name) => `tests/unit/${name}.test.ts`);

export default defineConfig({
  // As in the builds that ship (build.mjs sets it true only for dist/test/).
  define: { __BACKSTORY_TEST__: "false" },
  test: {
    // Some unit tests read every fixture page; on a loaded 2-core machine (CI beside other work) 5 s is not enough.
    // A limit only stops a hung test: speed is the bench's to print, never a test's to assert.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      // A day must never move with the reader's zone: the same tests east of UTC+12 and west of UTC-7.
      ...Object.keys(ZONES).map((zone) => ({
        extends: true as const,
        test: { name: `unit ${zone}`, include: [...DATE_TESTS, "tests/zones/*.test.ts"], environment: "node", env: { TZ: zone } },
      })),
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          // Real browsers on a 2-core machine: one file at a time, generous hooks.
          pool: "forks",
          fileParallelism: false,
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
