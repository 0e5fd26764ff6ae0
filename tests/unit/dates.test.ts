import { describe, expect, it } from "vitest";
import { MONTH_LETTERS, findDateInText, findDateInUrl, foldForMonths, parseDateValue } from "../../src/core/article/dates";
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
  it("reads the month past words in a date's shape that name none", () => {
    // The patterns read any word where the month goes, and keep the first match whose word is a month.
    expect(findDateInText("Vol. 12 de 2020, Sunday 3, 2020: 18th October 2021")).toBe("2021-10-18");
    expect(findDateInText("Monday 18, 2021, or rather October 18, 2021")).toBe("2021-10-18");
    expect(findDateInText("18 Octobers 2021, 18 Oct2021")).toBeNull();
  });
});

describe("the month patterns' fold (they run without the i flag, whose compile cost every page)", () => {
  /** Every letter of the month patterns (the names, "de", the day's suffixes). */
  const LETTERS = [..."abcdefghijklmnoprstuvwyzºáäçéíúûüčěğıřśşźабвгдежзиклмнопрстуфчюяі"];
  /** Folded beyond the flag, on purpose: Turkish's capital i. */
  const BEYOND_FLAG: Record<string, string> = { "\u0130": "i" };
  it("knows every letter the month names are written in (a name in new letters needs their capitals folded)", () => {
    expect([...MONTH_LETTERS].filter((c) => !LETTERS.includes(c))).toEqual([]);
  });
  it("maps exactly what /iu matched to each letter to that letter, one code unit for one", () => {
    const flagged = LETTERS.map((x) => [x, new RegExp(`^${x}$`, "iu")] as const);
    const anyLetter = new RegExp(`^[${LETTERS.join("")}]$`, "iu");
    const letterOrDigit = /^[\p{L}\d]$/iu;
    const asNow = /^[\p{L}\d\u0345]$/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const folded = foldForMonths(c);
      if (folded.length !== c.length) wrong.push(`${cp.toString(16)}: length`);
      if (c in BEYOND_FLAG) {
        if (folded !== BEYOND_FLAG[c]) wrong.push(`${cp.toString(16)}: beyond the flag`);
        continue;
      }
      // A character the flag matched to no letter must not fold to one; one it matched, to exactly that one.
      if (!anyLetter.test(c)) {
        if (LETTERS.includes(folded)) wrong.push(`${cp.toString(16)}: folds to ${folded}`);
      } else for (const [x, re] of flagged) if (re.test(c) !== (folded === x)) wrong.push(`${cp.toString(16)}: ${x}`);
      // The word boundaries: what the flagged class held, the class as it is now holds, on the folded text.
      if (letterOrDigit.test(c) !== asNow.test(folded)) wrong.push(`${cp.toString(16)}: boundary`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
  it("reads a month written in capitals, or with a long s, as the i flag did", () => {
    expect(findDateInText("18 OCTOBER 2021")).toBe("2021-10-18");
    expect(findDateInText("3. MÄRZ 2020")).toBe("2020-03-03");
    expect(findDateInText("DÉCEMBRE 5, 2019")).toBe("2019-12-05");
    // ſ matched s under the flag: "ſept" is sept, the month read from the folded word.
    expect(findDateInText("3 ſept 2020")).toBe("2020-09-03");
    expect(findDateInText("18 ОКТЯБРЯ 2021")).toBe("2021-10-18");
    expect(findDateInText("18 EKİM 2021")).toBe("2021-10-18");
    expect(findDateInText("18 EKIM 2021")).toBe("2021-10-18");
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
  it("looks for the byline's date in document order past furniture and past a date-named box that shows none", () => {
    const meta = `<aside><span class="date">1 January 2020</span></aside><div class="article-meta">${"Share this story. ".repeat(14)}<span class="date">18 October 2021</span></div>`;
    expect([page("", meta).published, page("", meta).publishedFrom]).toEqual(["2021-10-18", "byline"]);
    const times = `<aside><time datetime="2020-01-01">1 Jan</time></aside><nav><time datetime="2020-01-02">2 Jan</time></nav><time datetime="2021-10-18">18 Oct</time>`;
    expect([page("", times).published, page("", times).publishedFrom]).toEqual(["2021-10-18", "time datetime"]);
  });
  it("reads a byline's date only among the first 3,000 elements of where it looks", () => {
    const after = (n: number) => page("", `<div>${"<span></span>".repeat(n)}</div><span class="date">18 October 2021</span>`).published;
    expect(after(2900)).toBe("2021-10-18");
    expect(after(3000)).toBeNull();
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
    // The same instant as JavaScript's Date writes it (Forbes' JSON-LD).
    expect(at("Tue Nov 19 2019 03:05:46 GMT+0000", "https://example.com/sites/x/2019/11/18/slug/").published).toBe("2019-11-18");
    expect(at("Tue Nov 19 2019 03:05:46 GMT-0500", "https://example.com/sites/x/2019/11/18/slug/").published).toBe("2019-11-19");
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

describe("the date ranking, one signal missing at a time", () => {
  // Every signal on one page, each naming its own day, beside modified dates of every kind (never to be read).
  const signals = {
    ld: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-01-01T10:00:00+01:00","dateModified":"2022-02-01"}</script>`,
    meta: `<meta property="article:published_time" content="2021-01-02T10:00:00+01:00">`,
    other: `<script type="application/ld+json">{"@type":"WebPage","datePublished":"2021-01-03"}</script>`,
    time: `<time datetime="2021-01-04">4 January 2021</time>`,
    byline: `<div class="byline">By A. Writer, 5 January 2021</div>`,
    url: `<link rel="canonical" href="https://example.com/world/2021/01/06/story/">`,
    title: "Story | Example | 07.01.2021",
  };
  const modified = `<meta property="article:modified_time" content="2022-02-02"><meta property="og:updated_time" content="2022-02-03"><meta name="last-modified" content="2022-02-04">`;
  const modifiedInBody = `<time class="updated" datetime="2022-02-05">5 February 2022</time><span class="date-modified">6 February 2022</span>`;
  const order = [["ld", "2021-01-01", "json-ld datePublished"], ["meta", "2021-01-02", "meta article:published_time"],
    ["other", "2021-01-03", "json-ld datePublished (not an article)"], ["time", "2021-01-04", "time datetime"], ["byline", "2021-01-05", "byline"],
    ["url", "2021-01-06", "url"], ["title", "2021-01-07", "title"]] as const;
  it("takes the most trusted signal present, each in turn when those above it are missing, never a modified date", () => {
    for (let i = 0; i <= order.length; i++) {
      const has = new Set(order.slice(i).map(([k]) => k));
      const head = (["ld", "meta", "other", "url"] as const).filter((k) => has.has(k)).map((k) => signals[k]).join("") + modified;
      const top = (has.has("byline") ? signals.byline : "") + (has.has("time") ? signals.time : "") + modifiedInBody;
      const a = page(head, top, has.has("title") ? signals.title : "Story", "Story");
      const want = order[i] ? [order[i]![1], order[i]![2]] : [null, null];
      expect([i, a.published, a.publishedFrom]).toEqual([i, ...want]);
    }
  });
  it("takes datePublished of every Article type, in arrays, @graph and mainEntity, types as URLs or lists", () => {
    const forms = [
      { "@type": "LiveBlogPosting", datePublished: "2021-03-01" },
      { "@type": ["OpinionNewsArticle", "Thing"], datePublished: "2021-03-01" },
      [{ "@type": "Organization", name: "X" }, { "@type": "BlogPosting", datePublished: "2021-03-01" }],
      { "@graph": [{ "@type": "WebSite" }, { "@type": "http://schema.org/Report", datePublished: "2021-03-01" }] },
      { "@type": "WebPage", mainEntity: { "@type": "SocialMediaPosting", datePublished: "2021-03-01" } },
      { "@type": "https://schema.org/AnalysisNewsArticle", datePublished: "2021-03-01", dateModified: "2021-03-09" },
    ];
    for (const form of forms) {
      const a = page(`<script type="application/ld+json">${JSON.stringify(form)}</script><meta property="article:published_time" content="2021-03-05">`, "");
      expect([JSON.stringify(form), a.published, a.publishedFrom]).toEqual([JSON.stringify(form), "2021-03-01", "json-ld datePublished"]);
    }
  });
  it("finds no date where a page gives only modified ones", () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2022-02-01"}</script>`;
    expect(page(ld + modified, modifiedInBody).published).toBeNull();
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
