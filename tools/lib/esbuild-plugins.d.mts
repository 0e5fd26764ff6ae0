import type { Plugin } from "esbuild";

/** Serves `import matcher from "backstory:matcher"` with the compiled matcher; JSON imports as JSON.parse. */
export function dataPlugin(matcher: unknown): Plugin;
/** Preact's innerHTML writes (dangerouslySetInnerHTML only) become textContent writes. */
export const textOnlyPreact: Plugin;
