import { defineConfig } from "vitest/config";

export default defineConfig({
  // As in the builds that ship (build.mjs sets it true only for dist/test/).
  define: { __BACKSTORY_TEST__: "false" },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
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
