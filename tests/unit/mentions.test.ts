import { describe, expect, it } from "vitest";
import { compileMatcher } from "../../src/core/mentions/compile";
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
});
