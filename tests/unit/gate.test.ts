import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mayBeArticle } from "../../src/core/article/gate";
import { detectArticle } from "../../src/core/article/detect";
import { documentFrom, fixtureDocument } from "./helpers";

const prose = (i: number) => `Paragraph ${i}: the ministers met in the capital on Tuesday, and the talks, which ran for three hours, turned on money and arms.`;
const page = (head: string, body: string) => documentFrom(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const teasers = Array.from({ length: 8 }, (_, i) => `<li><a href="/a/${i}"><h3>Headline ${i}</h3></a><p>${prose(i)}</p></li>`).join("");

describe("mayBeArticle, the gate before detection", () => {
  it("lets through paragraphs side by side, and paragraphs each alone in wrappers side by side", () => {
    expect(mayBeArticle(page("", `<div>${[1, 2, 3].map((i) => `<p>${prose(i)}</p>`).join("")}</div>`))).toBe(true);
    expect(mayBeArticle(page("", `<div>${[1, 2, 3].map((i) => `<div class="row"><div class="cell"><p>${prose(i)}</p></div></div>`).join("")}</div>`))).toBe(true);
  });
  it("lets through a block of prose broken by <br>, its inline children's text counted", () => {
    expect(mayBeArticle(page("", `<div>${[1, 2, 3].map((i) => `<b>${prose(i)}</b><br><br>`).join("")}</div>`))).toBe(true);
    expect(mayBeArticle(page("", `<div>${[1, 2].map((i) => `${i}<br>`).join("")}</div>`))).toBe(false);
    // A long block whose text is a child block's, not its own: the text-length look lets it through to the count.
    expect(mayBeArticle(page("", `<div>Intro<br><section>${"word ".repeat(100)}</section></div>`))).toBe(false);
  });
  it("lets through any page that declares an article, whatever its prose", () => {
    expect(mayBeArticle(page('<meta property="og:type" content=" Article ">', "<p>Short.</p>"))).toBe(true);
    expect(mayBeArticle(page('<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle"}]}</script>', "<p>Short.</p>"))).toBe(true);
    expect(mayBeArticle(page('<meta property="og:type" content="website">', "<p>Short.</p>"))).toBe(false);
    // The native queries find candidates by case-insensitive substrings; the checks after them are exact.
    expect(mayBeArticle(page('<meta name=" OG:Type " content=" ARTICLE ">', "<p>Short.</p>"))).toBe(true);
    expect(mayBeArticle(page('<meta itemprop="og:type" content="Article">', "<p>Short.</p>"))).toBe(true);
    expect(mayBeArticle(page('<script type=" Application/LD+JSON ">{"@type":"BlogPosting"}</script>', "<p>Short.</p>"))).toBe(true);
    expect(mayBeArticle(page('<meta property="og:type" content="articles">', "<p>Short.</p>"))).toBe(false);
    expect(mayBeArticle(page('<meta property="og:title" content="article">', "<p>Short.</p>"))).toBe(false);
    expect(mayBeArticle(page('<script type="application/ld+json5">{"@type":"NewsArticle"}</script>', "<p>Short.</p>"))).toBe(false);
  });
  it("stops a section front: each summary in its card beside a headline; pairs of short labels", () => {
    expect(mayBeArticle(page('<meta property="og:type" content="website">', `<ul>${teasers}</ul>`))).toBe(false);
    expect(mayBeArticle(page("", `<div><div><p>Copy and paste to share this video</p></div><div><p>Copy and paste to embed this video</p></div></div>`))).toBe(false);
    expect(mayBeArticle(documentFrom(readFileSync(new URL("../fixtures/pages/front.html", import.meta.url), "utf8")))).toBe(false);
    expect(mayBeArticle(fixtureDocument("huffnews-18edd68bc9.html.gz"))).toBe(false);
    expect(mayBeArticle(page("", ""))).toBe(false);
  });
  // Every fixture page parsed once (detection never changes the document): some fifty pages, a few of them large.
  it("never stops a fixture page that detection calls an article", { timeout: 30_000 }, () => {
    const dirs = ["", "pages/", "dynamic/", "hostile/", "integrity/"];
    const files = dirs.flatMap((dir) => readdirSync(new URL(`../fixtures/${dir}`, import.meta.url)).filter((f) => /\.html(\.gz)?$/.test(f)).map((f) => `${dir}${f}`));
    const articles = files.map((f) => [f, fixtureDocument(f)] as const).filter(([, doc]) => detectArticle(doc).isArticle);
    expect(articles.length).toBeGreaterThan(20);
    expect(articles.filter(([, doc]) => !mayBeArticle(doc)).map(([f]) => f)).toEqual([]);
  });
});
