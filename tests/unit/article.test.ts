import { describe, expect, it } from "vitest";
import { detectArticle } from "../../src/core/article/detect";
import { demoDocument, documentFrom } from "./helpers";

describe("detectArticle", () => {
  it("finds the demo article, its headline, date and language", () => {
    const a = detectArticle(demoDocument());
    expect(a.isArticle).toBe(true);
    expect(a.root?.localName).toBe("article");
    expect(a.title).toBe("Russia ends dialogue with NATO");
    expect(a.published).toBe("2021-10-18");
    expect(a.lang).toBe("en");
  });
  it("stays quiet on a section front of short teasers", () => {
    const teasers = Array.from({ length: 12 }, (_, i) => `<article><h2><a href="/a/${i}">Headline number ${i} about NATO</a></h2><p>A short teaser line.</p></article>`).join("");
    expect(detectArticle(documentFrom(`<html><body><main>${teasers}</main></body></html>`)).isArticle).toBe(false);
  });
  it("prefers JSON-LD over meta over <time> for the date", () => {
    const body = `<article><p>${"Words of the article. ".repeat(40)}</p><time datetime="2020-01-01">x</time></article>`;
    const withMeta = `<html><head><meta property="article:published_time" content="2021-02-03T10:00:00Z"></head><body>${body}</body></html>`;
    expect(detectArticle(documentFrom(withMeta)).published).toBe("2021-02-03");
    const withLd = withMeta.replace("<head>", `<head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-06"}</script>`);
    expect(detectArticle(documentFrom(withLd)).published).toBe("2022-05-06");
    expect(detectArticle(documentFrom(`<html><body>${body}</body></html>`)).published).toBe("2020-01-01");
  });
  it("survives broken JSON-LD", () => {
    const doc = documentFrom(`<html><head><script type="application/ld+json">{not json</script></head><body><p>x</p></body></html>`);
    expect(detectArticle(doc).isArticle).toBe(false);
  });
});
