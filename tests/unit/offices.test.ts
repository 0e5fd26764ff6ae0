import { describe, expect, it } from "vitest";
import { compileMatcher } from "../../src/core/mentions/compile";
import { findNames } from "../../src/core/names-in-text";
import { appositiveAt } from "../../src/core/mentions/appositive";
import type { Entity, Knowledge, Role } from "../../src/core/knowledge/types";
import { testPolicy, testSource } from "./helpers";

const source = testSource;
const role = (office: string, start: string | null, end: string | null, more: Partial<Role> = {}): Role => ({ title: "Office", organization: "Body", office, start, end, source, ...more });
const person = (id: string, name: string, roles: Role[], aliases: string[] = []): Entity => ({
  id, type: "person", name, aliases, summary: "For tests only.", briefing: "A briefing long enough to pass the schema's minimum length.", roles, related: [], sources: [source],
});
const org = (id: string, name: string): Entity => ({ ...person(id, name, []), type: "organization" });
const confirmed = { date: "2026-10-01", source };
const kb: Knowledge = {
  header: { name: "T", version: "0.0.1", currentAsOf: "2026-11-26", language: "en" },
  sourcePolicy: testPolicy,
  timeline: [],
  entities: [
    person("lavrov", "Sergei Lavrov", [role("russia-foreign-minister", "2004-03-09", null, { confirmed })], ["Lavrov"]),
    person("stoltenberg", "Jens Stoltenberg", [role("nato-secretary-general", "2014-10-01", "2024-10-01")]),
    person("rutte", "Mark Rutte", [role("nato-secretary-general", "2024-10-01", null, { confirmed })]),
    person("poroshenko", "Petro Poroshenko", [role("ukraine-president", "2014-06-07", "2019-05-20")]),
    person("zelensky", "Volodymyr Zelensky", [role("ukraine-president", "2019-05-20", null, { confirmed })]),
    person("peskov", "Dmitry Peskov", [role("kremlin-press-secretary", "2012", null, { confirmed })]),
    person("johnson", "Boris Johnson", [role("uk-foreign-secretary", "2016-07-13", "2018-07-09")]),
    person("hunt", "Jeremy Hunt", [role("uk-foreign-secretary", "2018-07", "2019-07-24")]),
    person("scholz", "Olaf Scholz", [role("germany-chancellor", "2021-12-08", "2025-05-06")]),
    person("x", "Old Minister", [role("belarus-defence-minister", "2014", "2020", { endUnknown: true, confirmed: { date: "2018-06-01", source } })]),
    org("nato", "NATO"),
    org("kremlin", "Kremlin"),
  ],
};
const matcher = compileMatcher(kb);
const offices = (text: string, date: string | null, lang?: string) =>
  findNames(text, matcher, lang, date).mentions.filter((m) => m.office).map((m) => `${m.text}→${m.entityId}`);

describe("offices named without their holder", () => {
  it("links a possessive, an adjective or 'of' to the holder on the article's date", () => {
    expect(offices("Russia's foreign minister said so. The Ukrainian president agreed; the president of Ukraine left.", "2018-03-01")).toEqual([
      "Russia's foreign minister→lavrov", "Ukrainian president→poroshenko", "president of Ukraine→poroshenko",
    ]);
    expect(offices("The Ukrainian president agreed.", "2022-03-01")).toEqual(["Ukrainian president→zelensky"]);
  });
  it("changes holder on the day the office passed (the end is exclusive)", () => {
    expect(offices("NATO's secretary general spoke.", "2024-09-30")).toEqual(["secretary general→stoltenberg"]);
    expect(offices("NATO's secretary general spoke.", "2024-10-01")).toEqual(["secretary general→rutte"]);
  });
  it("keeps a body's own mark and marks the office beside it", () => {
    const found = findNames("NATO's secretary general and the Kremlin spokesman spoke.", matcher, undefined, "2021-12-22").mentions;
    expect(found.map((m) => `${m.text}→${m.entityId}${m.office ? ` (${m.office})` : ""}`)).toEqual([
      "NATO→nato", "secretary general→stoltenberg (nato-secretary-general)", "Kremlin→kremlin", "spokesman→peskov (kremlin-press-secretary)",
    ]);
    const after = findNames("She called the secretary general of NATO.", matcher, undefined, "2021-12-22").mentions;
    expect(after.map((m) => `${m.text}→${m.entityId}`)).toEqual(["secretary general→stoltenberg", "NATO→nato"]);
  });
  it("stays quiet without the country, a date, or a single holder", () => {
    expect(offices("The foreign minister said so; the president agreed.", "2018-03-01")).toEqual([]);
    expect(offices("Russia's foreign minister said so.", null)).toEqual([]);
    // Hunt began in "2018-07": on a July day the file cannot say who it was.
    expect(offices("The British foreign secretary said so.", "2018-07-20")).toEqual([]);
    expect(offices("The British foreign secretary said so.", "2018-09-20")).toEqual(["British foreign secretary→hunt"]);
    // An open role of unknown end counts only up to its last confirmation.
    expect(offices("The Belarusian defence minister said so.", "2018-05-01")).toEqual(["Belarusian defence minister→x"]);
    expect(offices("The Belarusian defence minister said so.", "2019-05-01")).toEqual([]);
  });
  it("leaves a title or an apposition to the name beside it, and other holders to themselves", () => {
    expect(offices("Russian Foreign Minister Sergei Lavrov said; Russia's foreign minister, Sergei Lavrov, added.", "2021-12-22")).toEqual([]);
    expect(offices("The former Ukrainian president and the deputy foreign minister of Russia spoke.", "2022-03-01")).toEqual([]);
    expect(offices("NATO chief warned; the Russian chief did not.", "2021-12-22")).toEqual(["chief→stoltenberg"]);
    // "chief" as an adjective (a real page: "NATO's chief rival -- Vladimir Putin's Russia").
    expect(offices("NATO's chief rival is Russia.", "2021-12-22")).toEqual([]);
  });
  it("links no one for an indefinite office, or beside someone else's name", () => {
    // Real pages: "James Heappey, a UK defence minister", "a German chancellor dictating", "no U.S. president should".
    expect(offices("A Ukrainian president would not; no Ukrainian president should; an adviser to the Ukrainian president spoke.", "2022-03-01")).toEqual(["Ukrainian president→zelensky"]);
    // "George Shultz, the US secretary of state, recalled": another holder, of another time.
    expect(offices("Ivan Petrovsky, the Ukrainian president, recalled; Volodymyr Zelensky, the Ukrainian president, said.", "2022-03-01")).toEqual(["Ukrainian president→zelensky"]);
    expect(offices("On Tuesday, the Ukrainian president said so.", "2022-03-01")).toEqual(["Ukrainian president→zelensky"]);
  });
  it("stays quiet where the sentence names another holder of the office (a 2026 page: 'In calls between Biden and Zelenskyy, … the US president stated')", () => {
    expect(offices("In talks with Petro Poroshenko, the Ukrainian president was blunt.", "2022-03-01")).toEqual([]);
    expect(offices("In talks with Mark Rutte on Monday, the Ukrainian president was blunt.", "2022-03-01")).toEqual(["Ukrainian president→zelensky"]);
  });
  it("stays quiet where the sentence is about an earlier year with another holder", () => {
    // A real page (2022): "… protests that ultimately ousted the Ukrainian president in February 2014".
    expect(offices("Protests ousted the Ukrainian president in February 2016.", "2022-03-01")).toEqual([]);
    // The same holder then, or no one the file knows: still this one.
    expect(offices("The Ukrainian president, in office all through 2020, spoke. The Ukrainian president recalled 1991.", "2022-03-01")).toEqual(["Ukrainian president→zelensky", "Ukrainian president→zelensky"]);
  });
  it("reads German offices: adjectives, genitives and compounds, 'Bundes-' only in German of Germany", () => {
    const text = "Der russische Außenminister sagte, der Kremlsprecher schwieg. Der Bundeskanzler reiste ab. Russlands Präsident auch.";
    expect(offices(text, "2023-07-24", "de")).toEqual(["russische Außenminister→lavrov", "Kremlsprecher→peskov", "Bundeskanzler→scholz"]);
    expect(offices("Der Bundeskanzler reiste ab.", "2023-07-24", "de-AT")).toEqual([]);
  });
  it("reads German case endings, and 'der Kanzler' alone as Germany's on a German page (from tagesschau and stern texts)", () => {
    expect(offices("Selenskyj hatte den Bundespräsidenten eingeladen. Er traf den ukrainischen Präsidenten.", "2023-07-24", "de")).toEqual(["ukrainischen Präsidenten→zelensky"]);
    expect(offices("Der Kanzler werde sich mit ihm treffen. Das sagte der Sprecher des Kanzlers.", "2023-07-24", "de")).toEqual(["Kanzler→scholz", "Kanzlers→scholz"]);
    // Austria has a Kanzler too: not on an Austrian page, nor in a sentence about Austria; not a former one; not before a name.
    expect(offices("Der Kanzler werde sich treffen.", "2023-07-24", "de-AT")).toEqual([]);
    expect(offices("In Wien sagte der Kanzler, er sei bereit. Der frühere Kanzler schwieg. Der Kanzler Scholz sprach.", "2023-07-24", "de")).toEqual([]);
    // A plural is more than one holder: "die ukrainischen Präsidenten".
    expect(offices("Die ukrainischen Präsidenten Poroschenko und Selenskyj", "2023-07-24", "de")).toEqual([]);
  });
  it("shares a qualifier between two offices ('Finland's president and PM'), and reads plural offices as none", () => {
    const kb2: Knowledge = { ...kb, entities: [...kb.entities, person("niinisto", "Sauli Niinisto", [role("finland-president", "2012-03-01", "2024-03-01")]), person("marin", "Sanna Marin", [role("finland-prime-minister", "2019-12-10", "2023-06-20")])] };
    const m2 = compileMatcher(kb2);
    const at = (text: string) => findNames(text, m2, "en", "2022-05-13").mentions.filter((m) => m.office).map((m) => `${m.text}→${m.entityId}`);
    expect(at("Earlier, Finland's president and PM called for it.")).toEqual(["Finland's president→niinisto", "PM→marin"]);
    expect(at("Finland's foreign and defence ministers met.")).toEqual([]);
  });
});

describe("appositiveAt", () => {
  const at = (text: string, name: string) => appositiveAt(text, text.indexOf(name), text.indexOf(name) + name.length);
  it("quotes the description beside a name, after it or before it", () => {
    expect(at("Karen Donfried, the assistant secretary of state, said", "Karen Donfried")).toBe("the assistant secretary of state");
    expect(at("Officials met the assistant secretary of state, Karen Donfried, in Moscow.", "Karen Donfried")).toBe("the assistant secretary of state");
    expect(at("Sovecon, an agriculture consultancy, said", "Sovecon")).toBe("an agriculture consultancy");
    expect(at("Olaf Scholz, der Bundeskanzler, sagte", "Olaf Scholz")).toBe("der Bundeskanzler");
  });
  it("takes no clause for a description", () => {
    expect(at("Donfried, who was in Moscow, said", "Donfried")).toBeNull();
    expect(at("Petrovsky, the day after the talks, said", "Petrovsky")).toBeNull();
    expect(at("Petrovsky said, and left.", "Petrovsky")).toBeNull();
  });
  it("gives an unknown name its description, and a bare surname the full name's", () => {
    const text = "Karen Donfried, the assistant secretary of state, spoke. Later Donfried left.";
    expect(findNames(text, matcher).unknown.map((u) => `${u.text}: ${u.about ?? "-"}`)).toEqual(["Karen Donfried: the assistant secretary of state", "Donfried: the assistant secretary of state"]);
  });
});
