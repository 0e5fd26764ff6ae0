import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { HIGHLIGHT_NAMES } from "../../src/content/paint";

describe("the highlight names a new instance clears", () => {
  it("include every name content.css styles, so an old instance's marks never outlive it", () => {
    const css = readFileSync(new URL("../../src/content/content.css", import.meta.url), "utf8");
    const styled = [...new Set(Array.from(css.matchAll(/::highlight\(([a-z-]+)\)/g), (m) => m[1]!))];
    expect(styled.length).toBeGreaterThan(10);
    expect(styled.filter((name) => !HIGHLIGHT_NAMES.includes(name))).toEqual([]);
    // The "hover" style's unstyled highlights too.
    expect(HIGHLIGHT_NAMES).toContain("backstory-hidden-person");
  });
});
