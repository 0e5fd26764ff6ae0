import { describe, expect, it } from "vitest";
import { knowledge } from "../../src/knowledge/index";
import { compileMatcher } from "../../src/core/mentions/compile";
import { findMentions } from "../../src/core/mentions/find";

const matcher = compileMatcher(knowledge);

describe("every name in the knowledge base", () => {
  it("is found, whole, in a sentence", () => {
    const missed: string[] = [];
    for (const e of knowledge.entities) {
      for (const alias of [e.name, ...e.aliases]) {
        const found = findMentions(`On Monday ${alias} said so.`, matcher);
        // A title the alias opens with stays outside the mark: "Sen. John McCain" marks "John McCain".
        const name = alias.replace(/^(?:(?:Sir|Dame|Lord|Lady|Sen\.|Rep\.|Gen\.|Adm\.|Lt\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|President|Prime Minister) )+/, "");
        if (!(found.length === 1 && found[0]!.text === name && found[0]!.entityId === e.id)) missed.push(`${e.id}: ${alias}`);
      }
    }
    expect(missed).toEqual([]);
  });
});
