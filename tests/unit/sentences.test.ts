import { describe, expect, it } from "vitest";
import { sentenceAround } from "../../src/core/text/sentences";

const at = (text: string, name: string, nth = 0, max?: number) => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(name, start + 1);
  return sentenceAround(text, start, start + name.length, max);
};
const line = (l: { before: string; name: string; after: string }) => `${l.before}[${l.name}]${l.after}`;

describe("the sentence around a name", () => {
  it("is the sentence, not its neighbours", () => {
    const text = "The talks ended. Sergei Lavrov said Russia would not return. NATO replied at once.";
    expect(line(at(text, "Sergei Lavrov"))).toBe("[Sergei Lavrov] said Russia would not return.");
    expect(line(at(text, "NATO"))).toBe("[NATO] replied at once.");
    expect(line(at(text, "Russia"))).toBe("Sergei Lavrov said [Russia] would not return.");
  });

  it("stays in its block: a heading or caption is not part of the next paragraph's sentence", () => {
    const text = "Lavrov in Moscow\nThe minister, Lavrov, spoke first\nNext paragraph.";
    expect(line(at(text, "Lavrov", 1))).toBe("The minister, [Lavrov], spoke first");
    expect(line(at(text, "Lavrov", 0))).toBe("[Lavrov] in Moscow");
  });

  it("does not end a sentence at an initial, a title or a time of day", () => {
    expect(line(at("Talks began. Mr. Stoltenberg met Gen. Milley at 9 a.m. on Tuesday. Then they left.", "Milley"))).toBe(
      "Mr. Stoltenberg met Gen. [Milley] at 9 a.m. on Tuesday.",
    );
    expect(line(at("It was late. J. Smith wrote to Lavrov. Done.", "Lavrov"))).toBe("J. Smith wrote to [Lavrov].");
  });

  it("keeps closing quotes with the sentence they close", () => {
    const text = "“We will answer,” said Stoltenberg. “The door is open.” Lavrov disagreed.";
    expect(line(at(text, "Stoltenberg"))).toBe("“We will answer,” said [Stoltenberg].");
    expect(line(at(text, "Lavrov"))).toBe("[Lavrov] disagreed.");
  });

  it("cuts a long sentence at words on each side", () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ");
    const l = at(`${words} Lavrov ${words}.`, "Lavrov", 0, 40);
    expect(l.before.startsWith("… ")).toBe(true);
    expect(l.after.endsWith(" …")).toBe(true);
    expect(l.before.length).toBeLessThanOrEqual(44);
    expect(l.after.length).toBeLessThanOrEqual(44);
    expect(l.before.endsWith("w59 ")).toBe(true);
  });

  it("reads ideographic full stops", () => {
    expect(line(at("会談は終わった。ラブロフ外相は述べた。次へ。", "ラブロフ"))).toBe("[ラブロフ]外相は述べた。");
  });
});
