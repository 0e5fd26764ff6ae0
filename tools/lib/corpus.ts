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
