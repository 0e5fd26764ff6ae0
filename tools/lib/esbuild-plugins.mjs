// esbuild plugins every bundle of Backstory's code uses: build.mjs for dist/, and the tools that bundle the same
// sources (so what they measure or load is what ships).
import { readFileSync } from "node:fs";

/**
 * Data modules as JSON.parse of a string literal: V8 parses that faster than
 * the same data written as an object literal, and every page pays for it.
 */
const asJsonParse = (data) => ({ contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: "js" });

/** Serves `import matcher from "backstory:matcher"` with the compiled matcher; JSON imports as JSON.parse. */
export const dataPlugin = (matcher) => ({
  name: "backstory-data",
  setup(build) {
    build.onResolve({ filter: /^backstory:matcher$/ }, () => ({ path: "matcher", namespace: "backstory" }));
    build.onLoad({ filter: /.*/, namespace: "backstory" }, () => asJsonParse(matcher));
    build.onLoad({ filter: /\.json$/ }, (args) => asJsonParse(JSON.parse(readFileSync(args.path, "utf8"))));
  },
});

/**
 * Preact's only innerHTML writes serve dangerouslySetInnerHTML, which Backstory
 * never uses: page-derived text is rendered as text. Writing textContent there
 * instead makes that a property of the bundle, and keeps `web-ext lint` clean.
 */
export const textOnlyPreact = {
  name: "text-only-preact",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.module\.js$/ }, async (args) => {
      const source = readFileSync(args.path, "utf8");
      const patched = source.replace(/(\w+)\.innerHTML=(\w+\.__html|"")/g, "$1.textContent=$2");
      if (patched === source) throw new Error("text-only-preact: preact's innerHTML writes were not found; check the preact version");
      return { contents: patched, loader: "js" };
    });
  },
};
