// The bench's settings: where it reads and writes, and its command-line options (see tools/bench.ts).
import path from "node:path";
import { corpusDir } from "../lib/corpus";

/** The project (npm runs scripts there; tools/run-ts.mjs bundles this file elsewhere, so import.meta is no guide). */
export const ROOT = process.cwd();
export const CORPUS = corpusDir(ROOT);
export const OUT = path.join(ROOT, "test-output");

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string): number | null => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : null;
};
export const quick = flag("--quick");
export const limit = option("--limit") ?? (quick ? 6 : Infinity);
export const extEvery = option("--ext-every") ?? (quick ? 1 : 3);
export const popupRuns = quick ? 3 : 7;
/** mark.js with the aliases as keywords takes seconds a page: every k-th corpus page only. */
export const keywordEvery = quick ? Infinity : 40;
/** Detection's first run on a small article before the page's (PageResult.firstRun): on every k-th corpus page. */
export const firstRunEvery = quick ? 1 : 2;
export const SCALES = [1, 2, 4, 8, 16];
