// Builds dist/chrome and dist/firefox from one source tree. `--watch` rebuilds on change.
// The knowledge base is validated first: an invalid file fails the build, never a page.
import * as esbuild from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { importTs } from "./tools/run-ts.mjs";
import { dataPlugin, textOnlyPreact } from "./tools/lib/esbuild-plugins.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes("--watch");
const quiet = process.argv.includes("--quiet");
const log = (...a) => quiet || console.log(...a);

const TARGETS = {
  // manifest.json's minimum_chrome_version (docs/decisions/001): esbuild lowers syntax to it.
  chrome: { esbuild: ["chrome105"], background: { service_worker: "background.js" } },
  firefox: {
    esbuild: ["firefox140"],
    background: { scripts: ["background.js"] },
    gecko: {
      gecko: { id: "backstory@backstory.example", strict_min_version: "140.0", data_collection_permissions: { required: ["none"] } },
      gecko_android: { strict_min_version: "142.0" },
    },
  },
};

async function knowledgeMatcher() {
  const { checkKnowledge } = await importTs("tools/knowledge-build.ts");
  const result = checkKnowledge();
  if (result.problems.length > 0) {
    for (const p of result.problems) console.error(`knowledge: ${p.where}: ${p.message} [${p.rule}]`);
    throw new Error(`the knowledge base has ${result.problems.length} problem(s); see above`);
  }
  return result.matcher;
}

function manifestFor(name) {
  const base = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8"));
  const t = TARGETS[name];
  const manifest = { ...base, background: t.background };
  if (t.gecko) manifest.browser_specific_settings = t.gecko;
  return manifest;
}

/** Where a build goes: dist/NAME, or dist/test/NAME for the test build (see src/content/testing.ts). */
const outDir = (name, test) => path.join(root, "dist", ...(test ? ["test", name] : [name]));

function copyStatic(name, test) {
  const out = outDir(name, test);
  writeFileSync(path.join(out, "manifest.json"), JSON.stringify(manifestFor(name), null, 2));
  mkdirSync(path.join(out, "icons"), { recursive: true });
  for (const size of [16, 32, 48, 128]) cpSync(path.join(root, `icons/icon-${size}.png`), path.join(out, `icons/icon-${size}.png`));
  cpSync(path.join(root, "src/_locales"), path.join(out, "_locales"), { recursive: true });
  // popup.html is written by the popup's build (popupPage), which knows its chunks.
  cpSync(path.join(root, "src/options/options.html"), path.join(out, "options.html"));
  cpSync(path.join(root, "src/shared/ui/panel.css"), path.join(out, "panel.css"));
  cpSync(path.join(root, "src/content/content.css"), path.join(out, "content.css"));
  writeFileSync(path.join(out, "preview.css"), previewCss(readFileSync(path.join(root, "src/content/content.css"), "utf8")));
}

/**
 * The options page's previews of each mark style, written from content.css's own ::highlight() rules as rules for
 * the sample sentence's spans (src/options/App.tsx, Preview), so a preview shows exactly what a page does.
 */
function previewCss(contentCss) {
  const light = [];
  const dark = [];
  for (const [, style, kind, isDark, body] of contentCss.matchAll(/::highlight\(backstory-(underline|tint|hover)(?:-(person|organization|unknown))?(-dark)?\)\s*\{([^}]*)\}/g)) {
    if (style !== "hover" && !kind) continue;
    (isDark ? dark : light).push(`${style === "hover" ? ".preview-hover .m:hover" : `.preview-${style} .m-${kind}`} {${body}}`);
  }
  return `/* Written by build.mjs from content.css: the marks' own rules, for the options page's previews. */\n${light.join("\n")}\n@media (prefers-color-scheme: dark) {\n${dark.join("\n")}\n}\n`;
}

/**
 * Two builds per target: the scripts as single files, and the popup as an ES module split in chunks, so the
 * knowledge views (src/popup/views.ts) load after its first render (docs/decisions/010).
 */
function options(name, matcher, test) {
  const common = {
    absWorkingDir: root,
    outdir: outDir(name, test),
    // The test build alone carries the end-to-end tests' view of the card; what ships cannot be asked for it.
    define: { __BACKSTORY_TEST__: String(test) },
    bundle: true,
    target: TARGETS[name].esbuild,
    minify: true,
    legalComments: "none",
    jsx: "automatic",
    jsxImportSource: "preact",
    loader: { ".css": "text" },
    logLevel: "warning",
  };
  return [
    {
      ...common,
      // Every page loads content.js (the gate, standing by); the background injects backstory.js, the rest, past the gate
      // or when the reader asks (docs/decisions/013): two self-contained files, no chunk a page could load.
      // Both speak to the browser without webextension-polyfill (src/content/browser-api.ts).
      entryPoints: { content: "src/content/index.ts", backstory: "src/content/rest.ts" },
      alias: { "webextension-polyfill": "./src/content/browser-api.ts" },
      format: "iife",
      plugins: [dataPlugin(matcher), textOnlyPreact],
    },
    {
      ...common,
      entryPoints: { background: "src/background/index.ts", options: "src/options/index.tsx" },
      format: "iife",
      plugins: [dataPlugin(matcher), textOnlyPreact, { name: "static", setup: (b) => b.onEnd((r) => { if (r.errors.length === 0) copyStatic(name, test); }) }],
    },
    {
      ...common,
      entryPoints: { popup: "src/popup/index.tsx" },
      format: "esm",
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      metafile: true,
      plugins: [dataPlugin(matcher), textOnlyPreact, { name: "popup-page", setup: (b) => b.onEnd((r) => { if (r.errors.length === 0) popupPage(name, test, r.metafile); }) }],
    },
  ];
}

/**
 * popup.html with a modulepreload link for each chunk popup.js imports statically: the browser fetches them
 * beside popup.js instead of after parsing it, one round trip less before the popup's first render
 * (#17's popup budget). The views' chunk, imported dynamically after that render, is not preloaded.
 */
function popupPage(name, test, metafile) {
  const out = outDir(name, test);
  const entry = metafile.outputs[path.relative(root, path.join(out, "popup.js"))];
  const links = (entry?.imports ?? [])
    .filter((i) => i.kind === "import-statement")
    .map((i) => `  <link rel="modulepreload" href="${path.relative(out, path.join(root, i.path))}">\n`)
    .join("");
  const html = readFileSync(path.join(root, "src/popup/popup.html"), "utf8");
  writeFileSync(path.join(out, "popup.html"), html.replace("</head>", `${links}</head>`));
}

const started = performance.now();
const matcher = await knowledgeMatcher();
for (const name of Object.keys(TARGETS)) for (const test of [false, true]) rmSync(outDir(name, test), { recursive: true, force: true });
// Every build writes the test build beside it, so the end-to-end tests never run an older one.
for (const name of Object.keys(TARGETS)) {
  for (const test of [false, true]) {
    for (const config of options(name, matcher, test)) {
      if (watch) {
        const ctx = await esbuild.context(config);
        await ctx.watch();
      } else {
        await esbuild.build(config);
      }
    }
  }
}
log(`built dist/chrome and dist/firefox (and their test builds in dist/test/) in ${Math.round(performance.now() - started)} ms${watch ? "; watching for changes" : ""}`);
if (!watch) {
  // What every page loads, and what a page past the gate adds (docs/decisions/013); `npm test` holds content.js to its budget.
  const size = (file) => {
    const body = readFileSync(path.join(outDir("chrome", false), file));
    return `${file} ${(body.length / 1024).toFixed(1)} KB (${(gzipSync(body, { level: 9 }).length / 1024).toFixed(1)} KB gzipped)`;
  };
  log(`  every page: ${size("content.js")}; injected past the gate: ${size("backstory.js")}`);
}
