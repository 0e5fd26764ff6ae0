import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { creditSpans, inSpans } from "../../src/core/text/credits";
import { findUnknownNames } from "../../src/core/mentions/names";
import { findNames } from "../../src/core/names-in-text";
import { compileMatcher } from "../../src/core/mentions/compile";
import { detectArticle } from "../../src/core/article/detect";
import { buildTextMap } from "../../src/core/textmap/textmap";
import { documentFrom, tinyKnowledge } from "./helpers";

const shapes = JSON.parse(readFileSync(new URL("../fixtures/credit-shapes.json", import.meta.url), "utf8")) as {
  credits: { credit: string }[];
  datelines: { dateline: string }[];
};
const spans = (text: string) => creditSpans(text).map((s) => text.slice(s.start, s.end));

describe("creditSpans", () => {
  it.each(shapes.credits.map((c) => c.credit))("finds the credit %s closing a caption, and stops where the next sentence starts", (credit) => {
    const text = `Soldiers stand near the border on Monday. ${credit}\nThe talks resumed.`;
    expect(spans(text)).toEqual(credit.startsWith("© Foto: Virginia Mayo") ? ["© Foto: Virginia Mayo", "(Keystone)"] : [credit]);
    // Run into the next paragraph with no line break, as texts taken from pages often are.
    const run = `The minister arrived. ${credit} Talks resumed on Friday.`;
    expect(spans(run).join(" ").length).toBeLessThanOrEqual(credit.length + " Talks".length);
  });
  it.each(shapes.datelines.map((d) => d.dateline))("finds the dateline %s opening a paragraph", (dateline) => {
    const text = `A headline\n${dateline} Officials met on Monday to discuss the war.`;
    expect(spans(text)).toEqual([dateline]);
  });
  it("finds a German caption's bracketed photographer and agency (a Deutschlandfunk caption had its photographer marked)", () => {
    expect(spans("Aufstellungsappell der Panzerbrigade 45 in Litauen (Michael Kappeler/dpa)\nDer Appell")).toEqual(["(Michael Kappeler/dpa)"]);
    // A bracket of names and a slash without an agency is prose: "(Biden/Harris)".
    expect(spans("Das Team (Joe Biden/Kamala Harris) siegte.")).toEqual([]);
  });
  it("takes no prose for a credit or a dateline", () => {
    expect(spans("Vladimir Putin — the president — said so.\nThe North Atlantic Treaty Organization (NATO) met; Biden/Harris won.")).toEqual([]);
    // A desk's slug over a headline in capitals, and a plain hyphen after a name, are not datelines.
    expect(spans("SOCCER - JAPAN GET LUCKY WIN\nNHL ICE HOCKEY - STANDINGS\nNATO - the alliance met")).toEqual([]);
    // A dateline opens a paragraph; the same words inside one are prose.
    expect(spans("He flew on to the summit. MOSCOW (Reuters) — ")).toEqual(["(Reuters)"]);
  });
  it("finds credits opening with each credit word, one after another, and none inside a word", () => {
    // Credit words are looked for first and the credit pattern tried only where one stands: the spans are those one
    // scan of the whole text finds (checked against the earlier whole-text scan when this changed).
    expect(spans("Talks resumed. Photo: AP Video: Reuters\nMore.")).toEqual(["Photo: AP", "Video: Reuters"]);
    expect(spans("A caption. Pictures by Jane Doe/AFP and Photographs: Getty Images")).toEqual(["Pictures by Jane Doe/AFP", "Photographs: Getty"]);
    expect(spans("iPhoto: the app. PhotoShop: no. Credit: Sergei Supinsky/AFP/Getty Images")).toEqual(["Credit: Sergei Supinsky/AFP/Getty Images"]);
    expect(spans("Grafik: dpa Illustration: Max Muster © Foto: Virginia Mayo (c) ANP")).toEqual(["Grafik: dpa", "Illustration: Max Muster", "© Foto: Virginia Mayo", "(c) ANP"]);
    expect(spans("Bilder: Foto: Keystone, Image credit: AFP via Getty Images")).toEqual(["Bilder: Foto: Keystone", "Image credit: AFP via Getty Images"]);
  });
  it("answers whether a range touches a span", () => {
    const s = [{ start: 5, end: 10 }, { start: 20, end: 30 }];
    expect([inSpans(s, 0, 5), inSpans(s, 9, 12), inSpans(s, 10, 20), inSpans(s, 29, 40)]).toEqual([false, true, false, true]);
  });
});

describe("no names in credits and datelines", () => {
  it("marks neither photographers nor agencies, known or unknown, and keeps the caption's names", () => {
    const matcher = compileMatcher(tinyKnowledge());
    const text = "KYIV, Ukraine (AP) — Sergei Lavrov met Ivan Petrovsky. (AP Photo/Evan Vucci)\nLavrov spoke. Photograph: Sergei Lavrov/Reuters";
    const found = findNames(text, matcher);
    expect(found.mentions.map((m) => `${m.start}:${m.text}`)).toEqual(["21:Sergei Lavrov", "77:Lavrov"]);
    expect(found.unknown.map((u) => u.text)).toEqual(["Ivan Petrovsky"]);
    expect(findUnknownNames("© Foto: Virginia Mayo (Keystone/AP)")).toEqual([]);
  });
  it("leaves out the elements a page labels as credits, and a caption's small print, and reads the caption", () => {
    const para = "<p>Officials in Brussels said on Monday that the talks with Moscow would go on, whatever happened next in the east of the country.</p>";
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks"}</script></head><body><article><h1>Talks</h1>${para.repeat(4)}
      <figure><img src="x.jpg" alt=""><figcaption>The minister in Brussels. <span class="image__credit">Image credit: AFP via Getty Images</span><small>Photo: AP</small></figcaption></figure>
      <div class="story-image-copyright">Getty Images</div><span itemprop="copyrightHolder">Keystone</span>${para}</article></body></html>`;
    const article = detectArticle(documentFrom(html));
    const text = buildTextMap(article.roots, article.skip).text;
    expect(text).toContain("The minister in Brussels.");
    expect(text).not.toMatch(/Getty|Photo: AP|Keystone/);
  });
});
