import { describe, expect, it } from "vitest";
import { asciiWords, foldText } from "../../src/core/text/fold";
import { findUnknownNames } from "../../src/core/mentions/names";
import { findMentions } from "../../src/core/mentions/find";
import { compileMatcher } from "../../src/core/mentions/compile";
import { tinyKnowledge } from "./helpers";

describe("asciiWords", () => {
  it("tells a text whose letters and digits are all ASCII, dashes and other marks beyond ASCII allowed", () => {
    expect(asciiWords("NATO met — and then… €5bn, © AP; «quoted» ½")).toBe(false); // "½" is a number
    expect(asciiWords(foldText("Erdoğan met Lavrov — “briefly” … for €5bn © AP • ´"))).toBe(true);
    for (const text of ["Путин", "a 北京 b", "emoji 😀 here", "lone \uD83D half", "Ⅻ", "ﬁ"]) expect(asciiWords(text)).toBe(false);
  });
});

describe("the ASCII and the Unicode patterns read a text alike", () => {
  // A line in Cyrillic makes the whole text take the Unicode patterns; the rest must be read the same either way.
  const text = [
    "WASHINGTON — U.S. Secretary of State John F. Kerry met Sergei Lavrov's aide, Mr. Ivan Petrovsky, on Monday.",
    "The NATO-Russia Council and the alliance's partners, Robert M. Danin said; McCain's staff and iPhone users agreed.",
    "Plymouth 4 Exeter 1 | Kinder Bologna (Italy) 9 4 5 — HarariRead more from the State Law and Order Restoration Council",
    "By Amy Gibbons  Political Correspondent",
  ].join("\n");
  const cyrillic = "\nпутин сказал";
  const matcher = compileMatcher(tinyKnowledge());
  it("finds the same unknown names", () => {
    expect(asciiWords(foldText(text))).toBe(true);
    expect(asciiWords(foldText(text + cyrillic))).toBe(false);
    const ascii = findUnknownNames(text, findMentions(text, matcher));
    // As the code before the ASCII patterns read it.
    expect(ascii.map((u) => `${u.text}:${u.type}`)).toEqual(["John F. Kerry:person", "Ivan Petrovsky:person", "Robert M. Danin:person", "Kinder Bologna:person", "State Law and Order Restoration Council:organization"]);
    expect(findUnknownNames(text + cyrillic, findMentions(text + cyrillic, matcher))).toEqual(ascii);
  });
  it("finds the same known names", () => {
    const ascii = findMentions(text, matcher);
    expect(ascii.map((m) => m.text)).toEqual(["Sergei Lavrov", "NATO-Russia Council"]);
    expect(findMentions(text + cyrillic, matcher)).toEqual(ascii);
  });
});
