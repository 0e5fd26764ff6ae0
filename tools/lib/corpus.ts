// The evaluation corpus in ../shared/corpus (not part of the repository; its README describes each folder):
// where it is, what a tool needs of it, and its pages as one list.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** The project (npm runs scripts there; tools/run-ts.mjs bundles a tool elsewhere, so import.meta is no guide). */
export const projectRoot = process.env["npm_config_local_prefix"] ?? process.cwd();
/** BACKSTORY_CORPUS points elsewhere. */
export const CORPUS = process.env["BACKSTORY_CORPUS"] ?? path.resolve(projectRoot, "../shared/corpus");

/** A part of ../shared a tool reads, and what it is for the reader of the error line. */
export interface CorpusPart {
  path: string;
  what: string;
}

export const part = (relative: string, what: string): CorpusPart => ({ path: path.resolve(CORPUS, relative), what });

/**
 * For a tool's entry: every part it reads is there, or one line on stderr naming the missing ones and exit code 2
 * (an evaluation that could not run is not a success).
 */
export function requireCorpus(tool: string, parts: readonly CorpusPart[]): void {
  const missing = parts.filter((p) => !existsSync(p.path));
  if (missing.length === 0) return;
  const shown = (p: string) => path.relative(projectRoot, p) || p;
  console.error(`${tool}: missing ${missing.map((p) => `${shown(p.path)} (${p.what})`).join(", ")}; see ../shared/corpus/README.md`);
  process.exit(2);
}

/** A saved page of the corpus: `id` is its folder's short name and its own. */
export interface CorpusPage {
  id: string;
  file: string;
}

const gzPages = (dir: string, prefix: string): CorpusPage[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".html.gz")).sort().map((f) => ({ id: `${prefix}/${f.replace(/\.html\.gz$/, "")}`, file: path.join(dir, f) })) : [];

/** The saved pages of each folder that holds some (news pages, Readability's test pages, the extraction benchmark), sorted. */
export function corpusFolders(): CorpusPage[][] {
  const readability = path.join(CORPUS, "readability-test-pages");
  return [
    gzPages(path.join(CORPUS, "news-pages/article"), "news-article"),
    gzPages(path.join(CORPUS, "news-pages/not-article"), "news-not-article"),
    existsSync(readability)
      ? readdirSync(readability).sort().filter((d) => existsSync(path.join(readability, d, "source.html"))).map((d) => ({ id: `readability/${d}`, file: path.join(readability, d, "source.html") }))
      : [],
    gzPages(path.join(CORPUS, "extraction-benchmark/html"), "benchmark"),
  ].filter((pages) => pages.length > 0);
}

/** Every saved page, the folders interleaved, so that the first N sample every folder. */
export function corpusPages(): CorpusPage[] {
  const folders = corpusFolders();
  const pages: CorpusPage[] = [];
  for (let i = 0; folders.some((s) => i < s.length); i++) for (const s of folders) if (i < s.length) pages.push(s[i]!);
  return pages;
}
