import { describe, expect, it } from "vitest";
import { compileMatcher, germanSpelling } from "../../src/core/mentions/compile";
import { findMentions } from "../../src/core/mentions/find";
import { tinyKnowledge } from "./helpers";

const matcher = compileMatcher(tinyKnowledge());
const found = (text: string) => findMentions(text, matcher).map((m) => `${m.text}=${m.entityId}`);

describe("findMentions", () => {
  it("prefers the longest alias", () => {
    expect(found("The NATO-Russia Council met; NATO said so.")).toEqual(["NATO-Russia Council=nrc", "NATO=nato"]);
    expect(found("The NATO–Russia Council met.")).toEqual(["NATO–Russia Council=nrc"]);
  });
  it("matches on word boundaries only", () => {
    expect(found("SYNATOR, NATOs and Lavrova")).toEqual([]);
    expect(found("anti-NATO protest")).toEqual(["NATO=nato"]);
    // A capital or a lower-case first word after a letter, a digit or "_" (any script, outside the BMP too) is inside a word.
    expect(found("iLavrov, _Lavrov, 5Lavrov, дLavrov, \u{1D41A}Lavrov, ΩNATO and NATO")).toEqual(["NATO=nato"]);
    expect(found("NATO met. To bathe alliance members, the alliance met.")).toEqual(["NATO=nato", "the alliance=nato"]);
    expect(found("…Lavrov, «Lavrov», \u{1D400}NATO 2NATO")).toEqual(["Lavrov=lavrov", "Lavrov=lavrov"]);
  });
  it("keeps possessives and punctuation out of the range", () => {
    expect(found("Lavrov's aide, Lavrov’s words, (Lavrov).")).toEqual(["Lavrov=lavrov", "Lavrov=lavrov", "Lavrov=lavrov"]);
  });
  it("folds diacritics, spaces and dashes", () => {
    expect(found("Erdogan and Erdoğan")).toEqual(["Erdogan=erdogan", "Erdoğan=erdogan"]);
    expect(found("Sergey\u00a0Lavrov and Sergey \t  Lavrov")).toEqual(["Sergey\u00a0Lavrov=lavrov", "Sergey \t  Lavrov=lavrov"]);
  });
  it("matches acronyms as written and names in all-caps headlines", () => {
    expect(found("nato is not NATO")).toEqual(["NATO=nato"]);
    expect(found("LAVROV ENDS DIALOGUE")).toEqual(["LAVROV=lavrov"]);
  });
  it("finds a lower-case context alias whose first word also opens a longer capitalised name", () => {
    // A real file held "The Wall Street Journal" beside "the alliance": only the first form's word was a candidate.
    const kb = tinyKnowledge();
    kb.entities.push({ ...kb.entities[0]!, id: "wsj", name: "The Wall Street Journal", aliases: [], contextAliases: [] });
    const withPaper = compileMatcher(kb);
    expect(findMentions("NATO met; the alliance said. The Wall Street Journal wrote.", withPaper).map((m) => m.entityId)).toEqual(["nato", "nato", "wsj"]);
  });
  it("links a context alias only after the entity was named", () => {
    expect(found("The Alliance will meet.")).toEqual([]);
    expect(found("NATO met. The Alliance agreed; the alliance said.")).toEqual(["NATO=nato", "The Alliance=nato", "the alliance=nato"]);
    expect(found("Maas is a river. Heiko Maas spoke. Maas said.")).toEqual(["Heiko Maas=maas", "Maas=maas"]);
  });
  it("links a context alias after a title", () => {
    expect(found("Foreign Minister Maas said")).toEqual(["Maas=maas"]);
    expect(found("The Maas flooded")).toEqual([]);
  });
  it("does not guess between two people who share a name", () => {
    expect(found("President Medvedev said")).toEqual([]);
    expect(found("Daniil Medvedev won. Medvedev served.")).toEqual(["Daniil Medvedev=medvedev-t", "Medvedev=medvedev-t"]);
  });
  it("never spans a block boundary", () => {
    expect(found("Sergey\nLavrov")).toEqual(["Lavrov=lavrov"]);
  });
  it("matches dashes written with spaces around them", () => {
    expect(found("The NATO – Russia Council met.")).toEqual(["NATO – Russia Council=nrc"]);
  });
  it("keeps a bare apostrophe after s and quotes out of the range", () => {
    expect(found("“Stoltenberg’ aides” and 'NATO'")).toEqual(["Stoltenberg=stoltenberg", "NATO=nato"]);
  });
  it("matches across inline markup but not across blocks", () => {
    // The text map joins inline elements into one run of text and puts "\n" between blocks.
    expect(found("Jens Stoltenberg")).toEqual(["Jens Stoltenberg=stoltenberg"]);
    expect(found("NATO-Russia\nCouncil")).toEqual(["NATO=nato", "Russia=russia"]);
  });
  it("links a sentence-initial context alias like a lower-case one", () => {
    expect(found("NATO met. The alliance agreed.")).toEqual(["NATO=nato", "The alliance=nato"]);
  });
  it("does not link a known name that opens a longer organization name", () => {
    expect(found("Photo: NATO Press Service. NATO said.")).toEqual(["NATO=nato"]);
    expect(found("NATO Secretary General Jens Stoltenberg")).toEqual(["NATO=nato", "Jens Stoltenberg=stoltenberg"]);
  });
  it("links a bare surname derived from a person's name only after the full name", () => {
    expect(found("Fogh said. Anders Fogh Rasmussen spoke. Rasmussen added.")).toEqual(["Anders Fogh Rasmussen=rasmussen", "Rasmussen=rasmussen"]);
    expect(found("Rasmussen said.")).toEqual([]);
  });
  it("does not derive a surname that is a common word", () => {
    expect(found("Theresa May spoke in May.")).toEqual(["Theresa May=may"]);
  });
  it("lets a title introduce a person for later bare mentions", () => {
    expect(found("Foreign Minister Maas said. Maas added.")).toEqual(["Maas=maas", "Maas=maas"]);
  });
  it("matches every alias in an all-caps headline", () => {
    expect(found("NATO-RUSSIA COUNCIL: ERDOGAN MEETS SERGEI LAVROV")).toEqual(["NATO-RUSSIA COUNCIL=nrc", "ERDOGAN=erdogan", "SERGEI LAVROV=lavrov"]);
  });
  it("gives offsets into the original text", () => {
    const text = "Erdoğan’s visit: Lavrov";
    for (const m of findMentions(text, matcher)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  // Each rule below came from a miss or a wrong link on a real page (tests/fixtures/mentions-gold/ and the pages).
  it("leaves a title an alias opens with outside the mark", () => {
    const kb = tinyKnowledge();
    kb.entities.push({ ...kb.entities[0]!, id: "mccain", type: "person", name: "John McCain", aliases: ["Sen. John McCain"], contextAliases: [] });
    expect(findMentions("Sen. John McCain (R-Ariz.) said", compileMatcher(kb)).map((m) => m.text)).toEqual(["John McCain"]);
  });
  it("derives Sir FIRST from a Sir FIRST LAST alias, and marks the name without the title", () => {
    const kb = tinyKnowledge();
    kb.entities.push({ ...kb.entities[0]!, id: "starmer", type: "person", name: "Keir Starmer", aliases: ["Sir Keir Starmer"], contextAliases: [] });
    const m = compileMatcher(kb);
    expect(findMentions("Sir Keir said so. Keir is a name.", m).map((x) => `${x.text}=${x.entityId}`)).toEqual(["Keir=starmer"]);
  });
  it("derives the usual short first name, unless another entity has that form", () => {
    const kb = tinyKnowledge();
    kb.entities.push({ ...kb.entities[0]!, id: "burns", type: "person", name: "William Burns", aliases: [], contextAliases: [] });
    expect(findMentions("CIA chief Bill Burns flew", compileMatcher(kb)).map((x) => x.entityId)).toEqual(["burns"]);
    kb.entities.push({ ...kb.entities[0]!, id: "other", type: "person", name: "Bill Burns", aliases: [], contextAliases: [] });
    expect(findMentions("Bill Burns flew", compileMatcher(kb)).map((x) => x.entityId)).toEqual(["other"]);
  });
  it("links a context alias after a German office title compound", () => {
    const kb = tinyKnowledge();
    kb.entities.push({ ...kb.entities[0]!, id: "peskov", type: "person", name: "Dmitri Peskow", aliases: [], contextAliases: ["Peskow"] });
    const m = compileMatcher(kb);
    expect(findMentions("Kremlsprecher Peskow sagte", m).map((x) => x.text)).toEqual(["Peskow"]);
    expect(findMentions("Außenminister Maas sagte", matcher).map((x) => x.text)).toEqual(["Maas"]);
  });
  it("links a context alias after an office of a country and a comma (a Deutschlandfunk caption)", () => {
    const kb = tinyKnowledge();
    kb.entities.push({ ...kb.entities[0]!, id: "sakaliene", type: "person", name: "Dovile Sakaliene", aliases: [], contextAliases: ["Sakaliene"] });
    const m = compileMatcher(kb);
    expect(findMentions("neben Verteidigungsministerin von Litauen, Sakaliene, und", m, { lang: "de" }).map((x) => x.text)).toEqual(["Sakaliene"]);
    expect(findMentions("the Minister of Defence of Lithuania, Sakaliene, said", m).map((x) => x.text)).toEqual(["Sakaliene"]);
    expect(findMentions("in the Republic of Lithuania, Sakaliene said", m)).toEqual([]);
  });
  it("reads a German genitive -s as the name, in German only", () => {
    expect(findMentions("Lawrows Rede: Lavrovs Rede und Sergei Lavrovs Antwort", matcher, { lang: "de" }).map((x) => x.text)).toEqual(["Lavrov", "Sergei Lavrov"]);
    expect(findMentions("Stoltenbergs Rede und Jens Stoltenbergs Antwort", matcher, { lang: "de" }).map((x) => x.text)).toEqual(["Stoltenberg", "Jens Stoltenberg"]);
    expect(findMentions("Stoltenbergs", matcher, { lang: "en" })).toEqual([]);
  });
  it("reads German party compounds, hyphenated office titles and the genitive -es (from tagesschau texts)", () => {
    const kb = tinyKnowledge();
    kb.entities.push({ ...kb.entities[0]!, id: "cdu", type: "organization", name: "Christian Democratic Union", aliases: [], contextAliases: ["CDU", "Union"] });
    kb.entities.push({ ...kb.entities[0]!, id: "merz", type: "person", name: "Friedrich Merz", aliases: [], contextAliases: ["Merz"] });
    kb.entities.push({ ...kb.entities[0]!, id: "bundestag", type: "organization", name: "Bundestag", aliases: [], contextAliases: [] });
    const m = compileMatcher(kb);
    const de = (text: string) => findMentions(text, m, { lang: "de" }).map((x) => `${x.text}=${x.entityId}`);
    // "CDU-Chef": a party opening a compound of its office is that party; "CDU-Chef Merz": the compound is a title.
    expect(de("CDU-Chef Merz sagte, die CDU und die Union blieben dabei.")).toEqual(["CDU=cdu", "Merz=merz", "CDU=cdu", "Union=cdu"]);
    expect(de("Die CDU-Außenpolitiker Röttgen und Merz")).toEqual(["CDU=cdu"]);
    // "Frauen Union", "the Soviet Union": a context alias closing a longer name is not the party.
    expect(de("CDU-Chef Merz und die Frauen Union")).toEqual(["CDU=cdu", "Merz=merz"]);
    expect(findMentions("Christian Democratic Union, then the Soviet Union", m).map((x) => x.text)).toEqual(["Christian Democratic Union"]);
    expect(de("Die Vizepräsidentin des Bundestages sprach")).toEqual(["Bundestag=bundestag"]);
  });
  it("spells Russian and Ukrainian names the German way (Sergei → Sergej, Zh → Sch, Kh → Ch, Ch → Tsch, Ts → Z, v → w)", () => {
    const german = (names: string) => names.split(" ").map(germanSpelling).join(" ");
    expect(german("Sergei Lavrov Maria Zakharova Sergei Shoigu Yuri Ushakov Dmitry Peskov")).toBe("Sergej Lawrow Maria Sacharowa Sergej Schoigu Juri Uschakow Dmitri Peskow");
    expect(german("Yevgeny Prigozhin Mikhail Khodorkovsky Anatoly Chubais Tsarev Valery Gerasimov Sergey Aksyonov Andriy Yermak")).toBe("Jewgeni Prigoschin Michail Chodorkowski Anatoli Tschubais Zarew Waleri Gerassimow Sergej Axjonow Andrij Jermak");
  });
  it("derives German forms of East Slavic names and German party names, on German pages only", () => {
    const kb = tinyKnowledge();
    const russian = { ...kb.entities[0]!, type: "person" as const, summary: "Russian official.", contextAliases: [] };
    kb.entities.push({ ...russian, id: "zakharova", name: "Maria Zakharova", aliases: [] });
    kb.entities.push({ ...russian, id: "naryshkin", name: "Sergey Naryshkin", aliases: ["Sergej Naryschkin"] });
    // Whose name is East Slavic: an office there, or the summary says so (the tiny file's Lavrov has neither until now).
    const lavrov = kb.entities.find((e) => e.id === "lavrov")!;
    expect(compileMatcher(kb).aliases["sergej lawrow"]).toBeUndefined();
    lavrov.summary = "Russian foreign minister.";
    kb.entities.push({ ...kb.entities[0]!, id: "greens", type: "organization", name: "Alliance 90/The Greens", aliases: [], contextAliases: ["Die Grünen"] });
    const m = compileMatcher(kb);
    const de = (text: string) => findMentions(text, m, { lang: "de" }).map((x) => `${x.text}=${x.entityId}`);
    expect(de("Außenamtssprecherin Maria Sacharowa und Sergej Lawrow; Sacharowas Worte")).toEqual(["Maria Sacharowa=zakharova", "Sergej Lawrow=lavrov", "Sacharowa=zakharova"]);
    // The surname of a German full form the file lists, as a context alias: "sagt Naryschkin" after "Sergej Naryschkin".
    expect(de("Sergej Naryschkin drohte. Das sagt Naryschkin.")).toEqual(["Sergej Naryschkin=naryshkin", "Naryschkin=naryshkin"]);
    expect(de("Annalena Baerbock (Grüne) und die Grünen-Vorsitzende")).toEqual(["Grüne=greens", "Grünen=greens"]);
    // An English page does not write them.
    expect(findMentions("Maria Sacharowa and Sergej Lawrow", m, { lang: "en" })).toEqual([]);
  });
  it("derives no German form another entity has or two entities would share", () => {
    const kb = tinyKnowledge();
    const russian = { ...kb.entities[0]!, type: "person" as const, summary: "Russian official.", contextAliases: [] };
    // "Sergei Lawrow" would be both the German form of one and a listed alias of another: neither gets it by derivation.
    kb.entities.push({ ...russian, id: "other-lawrow", name: "Sergej Lawrow", aliases: [] });
    kb.entities.push({ ...russian, id: "a", name: "Yuri Ivanov", aliases: [] });
    kb.entities.push({ ...russian, id: "b", name: "Yury Ivanov", aliases: [] });
    const m = compileMatcher(kb);
    expect(m.aliases["sergej lawrow"]).toEqual([[kb.entities.findIndex((e) => e.id === "other-lawrow"), 0]]);
    // "Yuri Ivanov" and "Yury Ivanov" both become "Juri Iwanow": the form belongs to neither.
    expect(m.aliases["juri iwanow"]).toBeUndefined();
    expect(findMentions("Juri Iwanow sagte", m, { lang: "de" })).toEqual([]);
  });
  it("links a surname in a headline or standfirst to the person the body introduces, not within one paragraph", () => {
    const kb = tinyKnowledge();
    kb.entities.push({ ...kb.entities[0]!, id: "pistorius", type: "person", name: "Boris Pistorius", aliases: [], contextAliases: ["Pistorius"] });
    const m = compileMatcher(kb);
    const de = (text: string) => findMentions(text, m, { lang: "de" }).map((x) => `${x.text}=${x.entityId}`);
    expect(de("Pistorius: Wir schauen nicht weg\n\nVerteidigungsminister Boris Pistorius sagte, Pistorius …")).toEqual(["Pistorius=pistorius", "Boris Pistorius=pistorius", "Pistorius=pistorius"]);
    expect(de("Pistorius ist ein Name. Boris Pistorius sagte.")).toEqual(["Boris Pistorius=pistorius"]);
    // A given name alone waits for no one ("Elizabeth" of "Elizabeth Warren" before "Queen Elizabeth").
    expect(de("Heiko sprach.\n\nHeiko Maas sagte.").filter((x) => x.startsWith("Heiko="))).toEqual([]);
  });
  it("reads a page declaring English as German when its words are plainly German (CMS templates)", () => {
    const text = "Der Generalsekretär sagte, dass die Nato nicht mit der Lage zufrieden ist und dass sich auch die Mitglieder von der Lage zu Stoltenbergs Plan äußern.";
    expect(findMentions(text, matcher, { lang: "en" }).map((x) => x.text)).toEqual(["Stoltenberg"]);
  });
  it("guesses German from the text when no language is given", () => {
    const text = "Der Generalsekretär sagte, dass die Nato nicht mit der Lage zufrieden ist und dass sich auch die Mitglieder von der Lage zu Stoltenbergs Plan äußern.";
    expect(findMentions(text, matcher).map((x) => x.text)).toEqual(["Stoltenberg"]);
  });
  it("reads words that are also an object's own properties as plain words", () => {
    // "Constructor" looked up "constructor" on the plain table and threw: the page got no names at all.
    expect(found("The Constructor and HasOwnProperty met Lavrov.")).toEqual(["Lavrov=lavrov"]);
  });
  it("marks the name part of a hyphenated compound", () => {
    expect(found("Beim NATO-Gipfel sprach der Ex-NATO-Generalsekretär über das Lavrov-Regime.")).toEqual(["NATO=nato", "NATO=nato", "Lavrov=lavrov"]);
  });
  it("does not link a son (Jr.) or a numbered namesake to the father", () => {
    expect(found("Jens Stoltenberg Jr. and Jens Stoltenberg, Sr. met Jens Stoltenberg.")).toEqual(["Jens Stoltenberg=stoltenberg"]);
  });
  it("does not link a surname that follows someone else's first name", () => {
    expect(found("Heiko Maas spoke. Maria Maas spoke. Stoltenberg met Ivan Stoltenberg and Minister Maas.")).toEqual(["Heiko Maas=maas", "Stoltenberg=stoltenberg", "Maas=maas"]);
  });
  it("reads soft hyphens and zero-width characters as part of the word, with the page's offsets", () => {
    const text = "Ser\u00ADgei Lav\u200Brov met NATO.";
    const got = findMentions(text, matcher);
    expect(got.map((m) => `${m.text}=${m.entityId}`)).toEqual(["Ser\u00ADgei Lav\u200Brov=lavrov", "NATO=nato"]);
    for (const m of got) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it("keeps reading after a longer form that cannot be linked", () => {
    // "the House" (a context alias) once swallowed the "House" of "House Foreign Affairs Committee".
    const kb = tinyKnowledge();
    kb.entities.push({ ...kb.entities[0]!, id: "house", name: "House of Representatives", aliases: [], contextAliases: ["the House"] });
    kb.entities.push({ ...kb.entities[0]!, id: "hfac", name: "House Foreign Affairs Committee", aliases: [], contextAliases: [] });
    expect(findMentions("members of the House Foreign Affairs Committee", compileMatcher(kb)).map((x) => x.entityId)).toEqual(["hfac"]);
  });
});
