import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const catalogue = (lang: string) => JSON.parse(readFileSync(path.join(root, "src/_locales", lang, "messages.json"), "utf8")) as Record<string, { message: string; placeholders?: Record<string, unknown> }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : [],
  );
}

describe("UI strings", () => {
  const en = catalogue("en");
  const de = catalogue("de");
  it("German has exactly the English keys, with the same placeholders", () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(Object.keys(de[key]!.placeholders ?? {}), key).toEqual(Object.keys(en[key]!.placeholders ?? {}));
  });
  it("every key the code uses exists", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(root, "src"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\("([A-Za-z]+)"/g)) used.add(m[1]!);
    }
    for (const key of used) expect(en, key).toHaveProperty(key);
  });
  it("the manifest's name and description come from the catalogue", () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8"));
    expect(manifest.name).toBe("__MSG_extName__");
    expect(manifest.description).toBe("__MSG_extDescription__");
    expect(manifest.default_locale).toBe("en");
  });
});
