import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectArticle, detectSteps } from "../../src/core/article/detect";
import { drain } from "../../src/core/slices";
import { isNeverMarked, NEVER_MARKED_ATTRIBUTES } from "../../src/core/textmap/textmap";
import { scanDocument } from "../../src/core/scan";
import { compileMatcher } from "../../src/core/mentions/compile";
import { shingleScore } from "../../tools/lib/shingles";
import { demoDocument, documentFrom, fixtureDocument, tinyKnowledge } from "./helpers";

const para = (words: string) => `<p>${words}, with a clause, and another one that runs on for a while. ${"More of the reported story, told in full sentences. ".repeat(4)}</p>`;
const articleText = (doc: Document) => scanDocument(doc, compileMatcher(tinyKnowledge())).map?.text ?? "";

describe("detectArticle", () => {
  it("finds the demo article, its headline, date and language", () => {
    const a = detectArticle(demoDocument());
    expect(a.isArticle).toBe(true);
    expect(a.root?.localName).toBe("article");
    expect(a.title).toBe("Russia ends dialogue with NATO");
    expect(a.published).toBe("2021-10-18");
    expect(a.lang).toBe("en");
  });
  it("asked for the verdict only, reads no headline or date on a page that is no article, and all of it on an article", () => {
    const front = `<html><head><title>Front page 18 October 2021</title></head><body><main>${Array.from({ length: 12 }, (_, i) => `<div><h2><a href="/s${i}">Story ${i}</a></h2><p>A teaser of story ${i}, short.</p></div>`).join("")}</main></body></html>`;
    const full = detectArticle(documentFrom(front));
    const verdict = drain(detectSteps(documentFrom(front), { verdictOnly: true }));
    expect(full.isArticle).toBe(false);
    expect(full.title).not.toBeNull();
    expect(verdict.isArticle).toBe(false);
    expect([verdict.title, verdict.published, verdict.byline, verdict.lang]).toEqual([null, null, null, null]);
    const { skip: _a, ...article } = detectArticle(demoDocument());
    const { skip: _b, ...asked } = drain(detectSteps(demoDocument(), { verdictOnly: true }));
    expect(asked).toEqual(article);
  });
  it("reads the demo article's headline, lead and captions, and none of its comments or related links", () => {
    const text = articleText(demoDocument());
    expect(text).toContain("Russia ends dialogue with NATO");
    expect(text).toContain("Closes the Russian embassy to NATO");
    expect(text).toContain("That makes everything even more difficult");
    expect(text).not.toContain("More on this topic");
    expect(text).not.toContain("Please enter your comment");
  });
  it("stays quiet on a section front of short teasers", () => {
    const teasers = Array.from({ length: 12 }, (_, i) => `<article><h2><a href="/a/${i}">Headline number ${i} about NATO</a></h2><p>A short teaser line.</p></article>`).join("");
    expect(detectArticle(documentFrom(`<html><body><main>${teasers}</main></body></html>`)).isArticle).toBe(false);
  });
  it("prefers JSON-LD over meta over <time> for the date", () => {
    const body = `<article><p>${"Words of the article, and more words. ".repeat(40)}</p><time datetime="2020-01-01">x</time></article>`;
    const withMeta = `<html><head><meta property="article:published_time" content="2021-02-03T10:00:00Z"></head><body>${body}</body></html>`;
    expect(detectArticle(documentFrom(withMeta)).published).toBe("2021-02-03");
    const withLd = withMeta.replace("<head>", `<head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-05-06"}</script>`);
    expect(detectArticle(documentFrom(withLd)).published).toBe("2022-05-06");
    expect(detectArticle(documentFrom(`<html><body>${body}</body></html>`)).published).toBe("2020-01-01");
  });
  it("reads JSON-LD wrapped in CDATA, and schema.org types given as URLs", () => {
    const ld = `<script type="application/ld+json"><![CDATA[{"@type":"https://schema.org/BlogPosting","datePublished":"2019-07-08"}]]></script>`;
    const a = detectArticle(documentFrom(`<html><head>${ld}</head><body><p>x</p></body></html>`));
    expect(a.published).toBe("2019-07-08");
    expect(a.declaresArticle).toBe(true);
  });
  it("survives broken JSON-LD", () => {
    const doc = documentFrom(`<html><head><script type="application/ld+json">{not json</script></head><body><p>x</p></body></html>`);
    expect(detectArticle(doc).isArticle).toBe(false);
  });
  it("never changes the document", () => {
    for (const doc of [demoDocument(), fixtureDocument("bbcnews-d9be6b06cf.html.gz"), fixtureDocument("abcnews-4a6122f68e.html.gz")]) {
      const before = doc.documentElement.outerHTML;
      scanDocument(doc, compileMatcher(tinyKnowledge()));
      expect(doc.documentElement.outerHTML).toBe(before);
    }
  });
  it("walks 10,000 levels of nesting without recursion", () => {
    const deep = "<div>".repeat(10_000) + para("Deep") + "</div>".repeat(10_000);
    expect(() => detectArticle(documentFrom(`<html><body>${deep}</body></html>`))).not.toThrow();
  });
  it("reads a body split around an ad as several roots, without the ad or the links beside it", () => {
    const more = `<ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/m/${i}">More from the site, a headline number ${i}</a></li>`).join("")}</ul>`;
    const html = `<html><body><div id="story"><div class="part">${para("One").repeat(3)}</div><div class="slot"><a href="/buy">Buy the thing now</a></div><div class="part">${para("Two").repeat(3)}</div>${more}</div></body></html>`;
    const a = detectArticle(documentFrom(html));
    expect(a.isArticle).toBe(true);
    expect(a.roots.map((r) => r.getAttribute("class"))).toEqual(["part", "part"]);
    const text = articleText(documentFrom(html));
    expect(text).toContain("One, with");
    expect(text).toContain("Two, with");
    expect(text).not.toContain("Buy the thing");
    expect(text).not.toContain("More from the site");
  });
  it("judges every element by its own attributes, however many share its class", () => {
    // Verdicts are kept per class name: one must not carry over to an element whose own attributes hide it, or to a
    // <form> (soft furniture) sharing a plain <div>'s class.
    const html = `<html><body><div class="box">${para("Shown").repeat(3)}</div><div class="box" style="display: none">${para("Styled away")}</div>` +
      `<div class="box" aria-hidden="true">${para("Hidden from readers")}</div><div class="box" role="complementary">${para("Aside by role")}</div>` +
      `<form class="box"><p>Sign up.</p></form></body></html>`;
    const a = detectArticle(documentFrom(html));
    expect(a.roots.map((r) => r.localName)).toEqual(["div"]);
    const text = articleText(documentFrom(html));
    expect(text).toContain("Shown, with");
    for (const gone of ["Styled away", "Hidden from readers", "Aside by role", "Sign up"]) expect(text).not.toContain(gone);
  });
  it("knows every attribute isNeverMarked reads (NEVER_MARKED_ATTRIBUTES)", () => {
    // classify() calls isNeverMarked only for an element carrying one of them, and trusts its tag alone otherwise.
    const read = new Set<string>();
    const probe = { localName: "div", hasAttribute: (n: string) => (read.add(n), false), getAttribute: (n: string) => (read.add(n), null) };
    expect(isNeverMarked(probe as unknown as Element)).toBe(false);
    expect(read.size).toBeGreaterThan(0);
    for (const name of read) expect(NEVER_MARKED_ATTRIBUTES.has(name)).toBe(true);
  });
  it("leaves out link lists and paragraph-less boxes inside the body", () => {
    const links = `<ul>${Array.from({ length: 5 }, (_, i) => `<li><a href="/r/${i}">Another story worth a read, number ${i}</a></li>`).join("")}</ul>`;
    const text = articleText(documentFrom(`<html><body><article>${para("Lead")}${links}<div class="byline"><span>By</span> <span>A. Writer</span></div>${para("Rest").repeat(3)}</article></body></html>`));
    expect(text).toContain("Rest, with");
    expect(text).not.toContain("Another story");
    expect(text).not.toContain("A. Writer");
  });
});

describe("detectArticle on real pages (tests/fixtures)", () => {
  it.each(["bbcnews-d9be6b06cf.html.gz", "dwnews-df716ac310.html.gz"])("finds the article in %s", (file) => {
    const a = detectArticle(fixtureDocument(file));
    expect(a.isArticle).toBe(true);
    expect(a.roots.length).toBeGreaterThan(0);
  });
  it.each(["abcnews-4a6122f68e.html.gz", "huffnews-18edd68bc9.html.gz"])("marks nothing on the section front %s", (file) => {
    const doc = fixtureDocument(file);
    expect(detectArticle(doc).isArticle).toBe(false);
    expect(scanDocument(doc, compileMatcher(tinyKnowledge())).map).toBeNull();
  });
  const truth = JSON.parse(readFileSync(new URL("../fixtures/extraction-ground-truth.json", import.meta.url), "utf8")) as Record<string, { articleBody: string }>;
  it.each([
    // Readability 0.6.0 scores precision 0.694 and 0.687 on these.
    ["35b158918c67", 0.8, 0.95],
    ["6ebac05f637e", 0.75, 0.8],
  ] as const)("extracts the body of benchmark page %s with precision >= %s and recall >= %s", (id, minPrecision, minRecall) => {
    const score = shingleScore(truth[id]!.articleBody, articleText(fixtureDocument(`extraction-${id}.html.gz`)));
    expect(score.precision ?? 0).toBeGreaterThanOrEqual(minPrecision);
    expect(score.recall).toBeGreaterThanOrEqual(minRecall);
  });
});

describe("detection by kind (self-made pages in tests/fixtures/pages)", () => {
  const page = (name: string) => documentFrom(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), "utf8"));
  it("counts Arabic and ideographic commas as prose: the Arabic story wins over a column of Latin-comma briefs", () => {
    const a = detectArticle(page("arabic-commas.html"));
    expect(a.isArticle).toBe(true);
    expect(a.roots.map((r) => r.getAttribute("class"))).toEqual(["unit-a"]);
    expect(articleText(page("arabic-commas.html"))).not.toContain("In brief");
    const ja = Array.from({ length: 6 }, () => `<p>${"外相は、火曜日に首都で会見し、同盟は対話を続けると述べ、次の会合は秋に開かれると説明した。".repeat(4)}</p>`).join("");
    const briefs = `<div class="k"><div class="k">${Array.from({ length: 3 }, (_, i) => `<div class="i"><p>In brief ${i}: ministers, officials, experts, envoys, aides, and others met, talked, argued, and agreed, again, on a plan.</p></div>`).join("")}</div></div>`;
    const jp = detectArticle(documentFrom(`<html lang="ja"><body><div id="w"><div class="k"><div class="u-ja">${ja}</div></div>${briefs}</div></body></html>`));
    expect(jp.roots.map((r) => r.getAttribute("class"))).toEqual(["u-ja"]);
  });
  it("climbs past any number of wrappers that hold one paragraph each", () => {
    const doc = page("deep-wrappers.html");
    const a = detectArticle(doc);
    expect(a.isArticle).toBe(true);
    expect(a.roots.map((r) => r.getAttribute("class"))).toEqual(["blocks"]);
    expect(doc.querySelectorAll("p")).toHaveLength(8);
  });
  it("does not climb from one post of a live feed to the whole feed, however deep its wrappers", () => {
    // The shape of the BBC's live pages (news-pages/not-article): each post a heading, a time and a summary.
    const post = (i: number) => `<article class="unit"><time>17:4${i}</time><header><h3><a href="/n/${i}">Post number ${i} of the day</a></h3></header><div class="pb"><div class="gl"><div class="gi">${para(`Summary ${i}`)}</div></div></div></article>`;
    const feed = detectArticle(documentFrom(`<html><body><div class="feed">${Array.from({ length: 12 }, (_, i) => post(i)).join("")}</div></body></html>`));
    expect(feed.isArticle).toBe(false);
  });
  it("never takes a consent dialog or a save-article drawer for the story", () => {
    const a = detectArticle(page("consent-dialog.html"));
    expect(a.isArticle).toBe(true);
    const text = articleText(page("consent-dialog.html"));
    expect(text).toContain("The defence ministers met in Brussels");
    expect(text).not.toContain("We and our partners");
    expect(text).not.toContain("Save this story");
    // Any modal, whatever its name: it sits over the page.
    const modal = `<div class="sheet" aria-modal="true">${para("Sign in").repeat(6)}</div>`;
    const b = detectArticle(documentFrom(`<html><body><div class="s">${para("Story").repeat(3)}</div>${modal}</body></html>`));
    expect(b.roots.map((r) => r.getAttribute("class"))).toEqual(["s"]);
  });
  it("reads a page wrapped in an element named as furniture when it holds the page's <main>", () => {
    // Engadget's shape (readability-test-pages/engadget): the whole page sits in a sliding navigation drawer's panel.
    const story = `<main role="main"><article><h1>Xbox review</h1><div class="article-text">${para("The console").repeat(4)}</div></article></main>`;
    const drawer = `<div class="i-nav_drawer_slide"><div class="i-nav_drawer_slide__panel relative">${story}</div></div>`;
    const a = detectArticle(documentFrom(`<html><body>${drawer}</body></html>`));
    expect(a.isArticle).toBe(true);
    expect(a.roots.map((r) => r.getAttribute("class"))).toEqual(["article-text"]);
    // Furniture holding no <main> is left out as before, <article> teasers and all.
    const related = `<div class="related-stories">${`<article><h3><a href="/x">Another story</a></h3>${para("Teaser")}</article>`.repeat(4)}</div>`;
    const b = detectArticle(documentFrom(`<html><body><div class="story">${para("Story").repeat(3)}</div>${related}<div class="drawer">${para("Saved").repeat(5)}</div></body></html>`));
    expect(b.roots.map((r) => r.getAttribute("class"))).toEqual(["story"]);
  });
  it("reads a body cut in chunks the layout wraps alike, lede and coda too, but not a box wrapped the same way", () => {
    const text = articleText(page("split-chunks.html"));
    expect(text).toMatch(/^LEDE: /);
    expect(text).toContain("Not merely taste");
    expect(text).toContain("CODA: ");
    expect(text).not.toContain("newsletter");
    expect(text.indexOf("LEDE")).toBeLessThan(text.indexOf("Not merely taste"));
  });
  it("keeps a lede and a paragraph wrapped on their own before the body's main block, not an address after it", () => {
    const text = articleText(page("split-lede.html"));
    expect(text).toMatch(/^LEDE: /);
    expect(text).toContain("SECOND: ");
    expect(text).not.toContain("AFTER: ");
  });
  it("leaves out a list of other stories' linked headlines inside the body, not the story's own list", () => {
    const text = articleText(page("teaser-list.html"));
    expect(text).toContain("STORY: ");
    expect(text).not.toMatch(/Envoy|WASHINGTON/);
    expect(text).toContain("savings of several years");
  });
  it("takes a page's schema.org word that it is a recipe, a podcast episode or a broadcast schedule, whatever its prose or og:type", () => {
    for (const name of ["recipe.html", "podcast.html", "schedule.html"]) {
      const a = detectArticle(page(name));
      expect([name, a.isArticle, a.declaresNonArticle]).toEqual([name, false, true]);
    }
    // An article that also declares its audio version is still an article.
    const a = detectArticle(page("article-with-audio.html"));
    expect([a.isArticle, a.declaresNonArticle]).toEqual([true, false]);
  });
  it("takes a gallery, a contact page and a video page for what they declare, a live blog for an article", () => {
    // JSON-LD ImageGallery, ContactPage: the page says what it is.
    for (const name of ["gallery.html", "contact.html"]) {
      const a = detectArticle(page(name));
      expect([name, a.isArticle, a.declaresNonArticle]).toEqual([name, false, true]);
    }
    // A VideoObject and no Article, og:type video.other: held to the bar of a page that declares another type, which a
    // few paragraphs under a player do not reach.
    for (const name of ["video.html", "live-video.html"]) {
      const a = detectArticle(page(name));
      expect([name, a.isArticle, a.declaresArticle, a.declaresOther]).toEqual([name, false, false, true]);
    }
    const live = detectArticle(page("live-blog.html"));
    expect([live.isArticle, live.declaresArticle, live.title, live.published]).toEqual([true, true, "River race: live updates", "2019-05-26"]);
  });
  it("reads a story whose wrapper carries a share or comments switch in its class, not the share bar or the comments", () => {
    const a = detectArticle(page("share-wrapper.html"));
    expect(a.isArticle).toBe(true);
    const text = articleText(page("share-wrapper.html"));
    expect(text).toContain("STORY: ");
    expect(text).not.toMatch(/Share on|reader42|survive the winter/);
  });
  it("reads a story inside a list item when it is an <article>", () => {
    const a = detectArticle(page("li-story.html"));
    expect(a.isArticle).toBe(true);
    expect(articleText(page("li-story.html"))).toContain("STORY: ");
  });
  it("leaves out other stories' teasers (a linked headline, one short paragraph) when the body is a whole <main>", () => {
    const text = articleText(page("whole-main.html"));
    expect(text).toContain("STORY: ");
    expect(text).not.toMatch(/TEASER|spring council/);
  });
  it("reads no byline, dateline or date line inside the body, and still knows the byline and the date", () => {
    const body = Array.from({ length: 6 }, () => "<p>The ministers met in the capital on Tuesday, and the talks, which ran for three hours, turned on money, arms and the next summit.</p>").join("");
    const doc = documentFrom(`<html><body><article><h1>Talks</h1><p class="byline">By Anna Writer, Moscow correspondent</p><span class="date">Published Monday, October 18, 2021 8:22AM EST</span><div class="dateline">MOSCOW —</div>${body}</article></body></html>`);
    const text = articleText(doc);
    expect(text).toContain("The ministers met");
    expect(text).not.toMatch(/Anna Writer|Published Monday|MOSCOW —/);
    const a = detectArticle(doc);
    expect([a.byline, a.published]).toEqual(["By Anna Writer, Moscow correspondent", "2021-10-18"]);
  });
  it("reads no byline or date line marked up as microdata (itemprop author, datePublished) inside the body", () => {
    const body = Array.from({ length: 6 }, () => "<p>The ministers met in the capital on Tuesday, and the talks, which ran for three hours, turned on money, arms and the next summit.</p>").join("");
    const doc = documentFrom(`<html><body><article><h1>Talks</h1><span itemprop="author">By Anna Writer</span> <span class="data" itemprop="datePublished">segunda-feira, 22 de janeiro de 2018 às 0:13</span>${body}</article></body></html>`);
    const text = articleText(doc);
    expect(text).toContain("The ministers met");
    expect(text).not.toMatch(/Anna Writer|janeiro/);
  });
  it("takes no byline line beside the body for its lede, and still knows the byline", () => {
    const body = Array.from({ length: 6 }, () => "<p>The ministers met in the capital on Tuesday, and the talks, which ran for three hours, turned on money, arms and the next summit.</p>").join("");
    const doc = documentFrom(`<html><body><article><h1>Talks</h1><p class="bloc_signature">Le Monde | <time datetime="2015-05-04T13:36:31+02:00">04.05.2015 à 13h36</time> • Mis à jour le 05.05.2015 | Par <span itemprop="author"><a href="/j/anna">Anna Writer</a> (avec Boris Reporter)</span></p><div class="contenu_article">${body}</div></article></body></html>`);
    expect(articleText(doc)).not.toMatch(/Le Monde|Anna Writer|Mis à jour/);
    expect(detectArticle(doc).byline).toBe("Anna Writer (avec Boris Reporter)");
  });
  it("leaves out cards of other stories whose headline is a block that is all link, not the story's own list of links", () => {
    const text = articleText(page("teaser-cards.html"));
    expect(text).toContain("STORY: ");
    expect(text).toContain("One delegate said");
    expect(text).toContain("STORY LIST: ");
    expect(text).not.toMatch(/TEASER/);
  });
  it("joins a chunk of the story whose wrapper carries a modifier class the other chunks lack", () => {
    const text = articleText(page("modifier-chunks.html"));
    expect(text).toContain("LEDE: ");
    expect(text).toContain("One delegate said");
    expect(text).toContain("LAST: ");
    expect(text).not.toContain("Other stories");
  });
  it("leaves out a rail of trending stories inside the body, whose links hold no text", () => {
    const items = Array.from({ length: 4 }, (_, i) => `<div class="rail__item"><h3 class="rail__item-headline">KICKER ${i}</h3><span class="rail__item-sub">TEASER: another story's one-line summary, number ${i}</span><a class="rail__item-anchor" href="/s${i}"></a></div>`).join("");
    const doc = documentFrom(`<html><head><meta property="og:type" content="article"></head><body><article><h1>Talks</h1>${para("The ministers met")}${para("Officials said")}<div class="rail rail--trending"><h3 class="rail__title">Most read in world news</h3>${items}</div>${para("The envoys said")}</article></body></html>`);
    const text = articleText(doc);
    expect(text).toContain("The envoys said");
    expect(text).not.toMatch(/KICKER|TEASER|Most read/);
  });
  it("leaves out a call to action inside the body (a reader appeal, a membership pitch), named cta", () => {
    const appeal = `<div class="zone zone-widget-custom-cta-letter"><h5>A Word to Our Loyal Readers</h5><p>APPEAL: We do this work every day at no cost to you, but it is far from free to produce, and we cannot afford to slow down.</p><p>APPEAL: Support us so we continue to pursue the facts, for you and for anyone searching for answers.</p></div>`;
    const doc = documentFrom(`<html><head><meta property="og:type" content="article"></head><body><article><h1>Talks</h1>${para("The ministers met")}${para("Officials said")}${para("The envoys said")}${appeal}</article></body></html>`);
    const text = articleText(doc);
    expect(text).toContain("The envoys said");
    expect(text).not.toMatch(/APPEAL|Loyal Readers/);
  });
  it("reads a post the story embeds (a tweet's blockquote in a wrapper named social and embed), not a share bar", () => {
    const tweet = `<div class="social-media-embed"><blockquote class="twitter-tweet"><p>TWEET: The talks went well, and the statement will follow tonight.</p>— Anna Writer (@anna) <a href="https://twitter.com/anna/status/1">November 18, 2019</a></blockquote></div>`;
    const share = `<div class="social-share"><a href="/s">SHARE: Share this story on every network</a><p>SHARE: Tell your friends about the talks, and what they settled.</p></div>`;
    const doc = documentFrom(`<html><head><meta property="og:type" content="article"></head><body><article><h1>Talks</h1>${para("The ministers met")}${tweet}${para("Officials said")}${share}${para("The envoys said")}</article></body></html>`);
    const text = articleText(doc);
    expect(text).toContain("TWEET: The talks went well");
    expect(text).toContain("The envoys said");
    expect(text).not.toContain("SHARE:");
  });
  it("reads a paragraph whose link outweighs its own words when the words come first, not a \"Read more\" line", () => {
    const prose = `<p>LINKED: The suspect was convicted and <a href="/s">sentenced to life in federal prison last Thursday, the court said</a>.</p>`;
    const more = `<p>Read more: <a href="/m">MORE: How the summit went the year before, and who came to it</a></p>`;
    const doc = documentFrom(`<html><head><meta property="og:type" content="article"></head><body><article><h1>Talks</h1>${para("The ministers met")}${prose}${para("Officials said")}${more}${para("The envoys said")}</article></body></html>`);
    const text = articleText(doc);
    expect(text).toContain("LINKED: The suspect was convicted and sentenced to life");
    expect(text).not.toContain("MORE:");
  });
  it("leaves out a block the page's CSS framework hides on screen (d-none), not one it shows from some width on", () => {
    const printOnly = `<div class="d-none d-print-block"><p>PRINT: Citation: this story, retrieved on the day it ran, from the site's own address.</p></div>`;
    const desktop = `<div class="d-none d-md-block"><p>DESKTOP: The envoys, who had flown in overnight, said the plan was modest.</p></div>`;
    const doc = documentFrom(`<html><head><meta property="og:type" content="article"></head><body><article><h1>Talks</h1>${para("The ministers met")}${para("Officials said")}${desktop}${para("The envoys said")}${printOnly}</article></body></html>`);
    const text = articleText(doc);
    expect(text).toContain("DESKTOP: The envoys");
    expect(text).not.toContain("PRINT:");
  });
  it("keeps a roundup whose whole story is a list of linked headlines", () => {
    const text = articleText(page("roundup-list.html"));
    expect(text).toContain("The attorney general is investigating");
    expect(text).toContain("The social network removed");
    // Entries whose linked headline outweighs the sentence after it are the story's too.
    expect(text).toContain("LINK-HEAVY: The ousted chief executive");
    expect(text).toContain("Its maker called it a flagship title.");
  });
});
