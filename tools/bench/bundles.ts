// The bench's page-side bundle (tools/bench/page-bench.ts with the real matcher) and the built bundles' sizes.
import * as esbuild from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { CompiledMatcher } from "../../src/core/mentions/compile";
import { dataPlugin, textOnlyPreact } from "../lib/esbuild-plugins.mjs";
import { ROOT } from "./config";

export async function bundle(entry: string, matcher: CompiledMatcher, minify = true): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: ROOT, entryPoints: [entry], bundle: true, format: "iife", target: ["chrome120"], minify,
    legalComments: "none", jsx: "automatic", jsxImportSource: "preact", loader: { ".css": "text" },
    // The same plugins as build.mjs, so sizes match dist/.
    plugins: [dataPlugin(matcher), textOnlyPreact], write: false, logLevel: "error",
  });
  return result.outputFiles[0]!.text;
}

export const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

export interface Size { name: string; raw: number; gzip: number; }
export async function bundleSizes(matcher: CompiledMatcher): Promise<Size[]> {
  // content.js carries no knowledge (docs/decisions/006): its size does not depend on the file.
  const sizes: Size[] = [];
  const dist = path.join(ROOT, "dist/chrome");
  // The popup is an ES module in chunks (build.mjs): popup.js and the shared chunk before its first render, the views after.
  const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
  const order = (f: string) => ["content.js", "backstory.js", "background.js", "popup.js"].indexOf(f) + 1 || (f.startsWith("chunks/") ? 5 : 6);
  for (const name of files.sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const body = readFileSync(path.join(dist, name));
    const what = name === "content.js" ? " (every page)" : name === "backstory.js" ? " (injected past the gate)" : name.startsWith("chunks/views-") ? " (popup, after its first render)" : name.startsWith("chunks/") ? " (popup, shared)" : "";
    sizes.push({ name: `${name}${what}`, raw: body.length, gzip: gz(body) });
  }
  const json = JSON.stringify(matcher);
  sizes.push({ name: "compiled matcher JSON alone (in background.js)", raw: json.length, gzip: gz(json) });
  return sizes;
}
