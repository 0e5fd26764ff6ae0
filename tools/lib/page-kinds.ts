// What kind of page each evaluated page is, for `npm run eval:article`'s per-kind table. The folders say article or
// not (the corpus's ground truth); the kind within a folder comes from the page's original address (news-pages'
// URLS.tsv), a schema.org LiveBlogPosting for a live blog, or the fixture list below. The labeller never reads the
// detector's output: a kind is a row of the table, not a judgement of the page.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type Kind =
  | "article" | "live blog" | "section front" | "video" | "live video" | "gallery" | "360° video" | "podcast"
  | "programme page (tv, radio)" | "schedule" | "contact" | "recipe" | "not readerable (Readability's flag)";

/** The order of the table's rows. */
export const KINDS: readonly Kind[] = [
  "article", "live blog", "section front", "video", "live video", "gallery", "360° video", "podcast",
  "programme page (tv, radio)", "schedule", "contact", "recipe", "not readerable (Readability's flag)",
];

/** The addresses of news-pages' pages, by file name (both folders). */
export function newsUrls(corpus: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const label of ["article", "not-article"]) {
    const tsv = path.join(corpus, "news-pages", label, "URLS.tsv");
    if (!existsSync(tsv)) continue;
    for (const line of readFileSync(tsv, "utf8").split("\n")) {
      const [file, url] = line.split("\t");
      if (file && url) out.set(file.trim(), url.trim());
    }
  }
  return out;
}

/** A news-pages page that is no article, by the shape of its address (the five sites' own section names). */
export function notArticleKind(url: string): Kind {
  const u = url.toLowerCase();
  if (/live-tv|\/live$/.test(u)) return "live video";
  if (/\/av\/|\/av-\d+|\/video$|\/videos?\//.test(u)) return "video";
  if (/\/g-\d+/.test(u)) return "gallery"; // DW's picture galleries
  if (/in-360-degrees/.test(u)) return "360° video";
  if (/podcast/.test(u)) return "podcast";
  if (/\/(?:tv|radio)\/s-\d+/.test(u)) return "programme page (tv, radio)";
  return "section front";
}

/** An article page: a live blog when it declares itself one (JSON-LD LiveBlogPosting) or its address says "live". */
export function articleKind(html: string, url: string | null): Kind {
  return /"@type"\s*:\s*"LiveBlogPosting"/.test(html) || (url !== null && /\/live(?:\/|-updates|blog)/i.test(url)) ? "live blog" : "article";
}

/** The self-made pages of tests/fixtures/pages (see its README), with their kind and whether each is an article. */
export const FIXTURE_KINDS: Readonly<Record<string, { kind: Kind; article: boolean }>> = {
  "front.html": { kind: "section front", article: false },
  "teaser-list.html": { kind: "article", article: true },
  "podcast.html": { kind: "podcast", article: false },
  "recipe.html": { kind: "recipe", article: false },
  "schedule.html": { kind: "schedule", article: false },
  "contact.html": { kind: "contact", article: false },
  "gallery.html": { kind: "gallery", article: false },
  "video.html": { kind: "video", article: false },
  "live-video.html": { kind: "live video", article: false },
  "live-blog.html": { kind: "live blog", article: true },
  "article-with-audio.html": { kind: "article", article: true },
};
