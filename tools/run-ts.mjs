// Runs a TypeScript entry under node: esbuild bundles it (dependencies stay
// external) into a module under node_modules/.cache, so that its imports
// resolve from the project, then imports it with the same argv.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export async function importTs(entry) {
  const cache = path.join(root, "node_modules", ".cache", "backstory");
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, "run-"));
  const outfile = path.join(dir, "entry.mjs");
  try {
    await build({
      entryPoints: [path.resolve(root, entry)], outfile, bundle: true, platform: "node", format: "esm",
      target: "node20", packages: "external", logLevel: "error", absWorkingDir: root,
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [entry, ...rest] = process.argv.slice(2);
  process.argv = [process.argv[0], entry, ...rest];
  await importTs(entry);
}
