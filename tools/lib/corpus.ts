// The shared corpus of saved pages (../shared/corpus, see its README), as the bench and the soak walk it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export type CorpusGroup = "news-article" | "news-not-article" | "readability" | "extraction";

export interface CorpusPage {
  group: CorpusGroup;
  /** The page's name in its folder: the file name without .html.gz, or the Readability test page's folder. */
  name: string;
  file: string;
}

/** Where the corpus is, beside the project. */
export const corpusDir = (projectRoot: string) => path.resolve(projectRoot, "../shared/corpus");

/** Every page, folder by folder (news articles, news non-articles, Readability's test pages, the extraction benchmark), each sorted. */
export function corpusFolders(corpus: string): CorpusPage[][] {
  const gz = (group: CorpusGroup, dir: string): CorpusPage[] => {
    const full = path.join(corpus, dir);
    return existsSync(full) ? readdirSync(full).filter((f) => f.endsWith(".html.gz")).sort().map((f) => ({ group, name: f.replace(/\.html\.gz$/, ""), file: path.join(full, f) })) : [];
  };
  const readability = path.join(corpus, "readability-test-pages");
  const tests = existsSync(readability)
    ? readdirSync(readability).sort().filter((d) => existsSync(path.join(readability, d, "source.html"))).map((d) => ({ group: "readability" as const, name: d, file: path.join(readability, d, "source.html") }))
    : [];
  return [gz("news-article", "news-pages/article"), gz("news-not-article", "news-pages/not-article"), tests, gz("extraction", "extraction-benchmark/html")].filter((f) => f.length > 0);
}

/** A saved page's bytes, gunzipped when it is stored gzipped. */
export function corpusBytes(file: string): Buffer {
  const raw = readFileSync(file);
  return file.endsWith(".gz") ? gunzipSync(raw) : raw;
}

/** A saved page's <meta http-equiv=refresh>: served pages drop it, or the browser would navigate away. */
export const META_REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi;

// What a tool needs of the corpus, and where it is when no path is given.

/** The project (npm runs scripts there; tools/run-ts.mjs bundles a tool elsewhere, so import.meta is no guide). */
export const projectRoot = process.env["npm_config_local_prefix"] ?? process.cwd();
/** The corpus the evaluation scripts and the soak read; BACKSTORY_CORPUS points elsewhere. */
export const CORPUS = process.env["BACKSTORY_CORPUS"] ?? corpusDir(projectRoot);

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
