import { describe, expect, it } from "vitest";
import { findDateInText, findDateInUrl, parseDateValue } from "../../src/core/article/dates";
import { detectArticle } from "../../src/core/article/detect";
import { decodeEntities } from "../../src/core/text/entities";
import { documentFrom } from "./helpers";
import { WRITTEN } from "./dates-written";

describe("parseDateValue and findDateInText", () => {
  it.each(WRITTEN)("reads %j as %j", (text, want) => {
    expect(parseDateValue(text)).toBe(want);
  });
  it("takes the first date a text shows", () => {
    expect(findDateInText("Published 18 October 2021, updated 19 October 2021")).toBe("2021-10-18");
  });
});

describe("findDateInUrl", () => {
  it.each([
    ["https://www.example.com/world/2021/10/18/russia-nato/", "2021-10-18"],
    ["https://www.example.com/news/2021-10-18/russia-nato.html", "2021-10-18"],
    ["https://www.example.com/politik/20211018/russia-nato", "2021-10-18"],
    ["https://www.example.com/a/russia-nato-20211018.html", "2021-10-18"],
    ["https://www.example.com/2021/10/russia-nato", null],
    ["https://www.example.com/news/world-48393491", null],
    ["https://www.example.com/story?id=20211018", null],
  ])("reads %s as %j", (url, want) => {
    expect(findDateInUrl(url)).toBe(want);
  });
});

describe("decodeEntities", () => {
  it("decodes numeric, Latin-1 and punctuation references, and twice-escaped ones", () => {
    expect(decodeEntities("Merkel: &quot;Sch&ouml;n&quot; &#8216;so&#8217; &#x2014; &hellip;")).toBe("Merkel: \"Schön\" ‘so’ — …");
    expect(decodeEntities("Tom &amp;quot;Jerry&amp;quot;")).toBe('Tom "Jerry"');
    expect(decodeEntities("AT&T &unknown; &#0; 5 & 6")).toBe("AT&T &unknown; &#0; 5 & 6");
  });
});

const body = `<p>${"Words of the article, and more words that tell the story. ".repeat(12)}</p>`.repeat(3);
const page = (head: string, article: string, title = "A story", h1 = title) =>
  detectArticle(documentFrom(`<html><head><title>${title}</title>${head}</head><body><div id="page"><header><h1>${h1}</h1>${article}</header><article>${body}</article></div></body></html>`));

describe("the publication date from every signal, ranked", () => {
  it("takes JSON-LD in @graph and arrays, of any Article type, and never dateModified", () => {
    const ld = JSON.stringify([{ "@type": "Organization", name: "X" }, { "@graph": [{ "@type": "WebPage", datePublished: "2020-01-01" }, { "@type": "ReportageNewsArticle", dateModified: "2021-10-19", datePublished: "2021-10-18T22:00:00-07:00" }] }]);
    const a = page(`<script type="application/ld+json">${ld}</script>`, "");
    expect([a.published, a.publishedFrom]).toEqual(["2021-10-18", "json-ld datePublished"]);
  });
  it("reads meta tags in order of trust, and not modified times", () => {
    const a = page(`<meta property="article:modified_time" content="2021-10-19"><meta name="parsely-pub-date" content="2021-10-18T09:00:00Z">`, "");
    expect([a.published, a.publishedFrom]).toEqual(["2021-10-18", "meta parsely-pub-date"]);
    const b = page(`<meta name="sailthru.date" content="Mon, 18 Oct 2021 09:15:00 GMT"><meta name="dc.date" content="2021-10-17">`, "");
    expect([b.published, b.publishedFrom]).toEqual(["2021-10-17", "meta dc.date"]);
  });
  it("reads <time> with a datetime, the published one before an updated one, and <time> by its text", () => {
    const a = page("", `<time class="updated" datetime="2021-10-19">19 Oct</time> <time itemprop="datePublished" datetime="2021-10-18">18 Oct</time>`);
    expect([a.published, a.publishedFrom]).toEqual(["2021-10-18", "time datetime"]);
    const b = page("", `<time>Monday 18 October 2021 09.15 BST</time>`);
    expect([b.published, b.publishedFrom]).toEqual(["2021-10-18", "time text"]);
  });
  it("reads the visible date in the byline, before any update", () => {
    const a = page("", `<div class="byline">By A. Writer · Oct. 18, 2021 · Updated Oct. 19, 2021</div>`);
    expect([a.published, a.publishedFrom]).toEqual(["2021-10-18", "byline"]);
    const b = page("", `<p class="article-meta"><span class="last-updated">19.10.2021</span></p>`);
    expect(b.published).toBeNull();
  });
  it("reads the date in the page's address, then in its title", () => {
    const a = page(`<link rel="canonical" href="https://example.com/world/2021/10/18/story/">`, "", "Story | DW | 21.05.2019");
    expect([a.published, a.publishedFrom]).toEqual(["2021-10-18", "url"]);
    const b = page("", "", "Story | DW | 21.05.2019");
    expect([b.published, b.publishedFrom]).toEqual(["2019-05-21", "title"]);
  });
  it("takes the address's day over a UTC time of the next or the day before, and keeps a time in the page's own zone", () => {
    const at = (when: string, url: string) => page(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${when}"}</script><link rel="canonical" href="${url}">`, "");
    const a = at("2019-11-20T01:50:59.403Z", "https://example.com/story/2019-11-19/slug");
    expect([a.published, a.publishedFrom]).toEqual(["2019-11-19", "url (the local day of the UTC time in json-ld datePublished)"]);
    expect(at("2019-11-20T01:50:59-08:00", "https://example.com/2019/11/19/slug").published).toBe("2019-11-20");
    expect(at("2019-11-20T01:50:59Z", "https://example.com/2019/11/15/slug").published).toBe("2019-11-20");
    expect(at("2019-11-20T01:50:59Z", "https://example.com/news/slug").published).toBe("2019-11-20");
  });
  it("does not take the dates of teaser lists beside the article", () => {
    const teasers = `<ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/${i}">Other story ${i}</a> <time datetime="2021-01-0${i + 1}">x</time></li>`).join("")}</ul>`;
    expect(page("", teasers).published).toBeNull();
  });
  it("decodes character references in a JSON-LD headline and author", () => {
    const ld = JSON.stringify({ "@type": "NewsArticle", headline: "Merkel: &quot;Sch&ouml;n&quot; &#8216;so&#8217;", author: { name: "J&uuml;rgen M&uuml;ller" } });
    const a = page(`<script type="application/ld+json">${ld}</script>`, "", "Merkel: Schön so | Example News", "");
    expect(a.title).toBe("Merkel: \"Schön\" ‘so’");
    expect(a.byline).toBe("Jürgen Müller");
  });
});

describe("the headline", () => {
  it("skips a JSON-LD headline that shares no word with the page's titles (a description), and drops the site's name and date", () => {
    const ld = JSON.stringify({ "@type": "Article", headline: "constitutional monarchy in Oceania" });
    const a = page(`<script type="application/ld+json">${ld}</script><meta property="og:site_name" content="Wikipedia"><meta property="og:title" content="New Zealand - Wikipedia">`, "", "New Zealand - Wikipedia");
    expect(a.title).toBe("New Zealand");
    expect(page(`<meta property="og:title" content="Film dubbing as high art in Germany | DW | 24.05.2019">`, "", "", "").title).toBe("Film dubbing as high art in Germany");
    // A short title keeps what follows its separator: it may be the headline's own second half.
    expect(page(`<meta property="og:title" content="Brexit - what next">`, "", "", "").title).toBe("Brexit - what next");
  });
});
