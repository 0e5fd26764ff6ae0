// The node commands are public interfaces: their output shapes are pinned here.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "../..");
const run = (tool: string, ...args: string[]) => spawnSync(process.execPath, ["tools/run-ts.mjs", `tools/${tool}.ts`, ...args], { cwd: root, encoding: "utf8" });

describe("npm run brief", { timeout: 60_000 }, () => {
  it("prints the role at the date and the role now", () => {
    const r = run("brief", "Stoltenberg", "--date", "2021-10-18");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(["id", "name", "type", "roleAtDate", "currentRole", "summary", "briefing", "sources"]));
    expect(out.roleAtDate).toEqual({ title: "Secretary General", organization: "NATO", start: "2014-10-01", end: "2024-10-01" });
    expect((out.currentRole ?? out.lastKnownRole).title).toBe("Minister of Finance");
    expect(out.sources[0]).toEqual(expect.objectContaining({ publisher: expect.any(String), class: expect.any(String) }));
  });
  it("takes the name alone, without a date", () => {
    const r = run("brief", "Erdogan");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe("recep-tayyip-erdogan");
  });
  it("exits non-zero with one line for a name not in the file", () => {
    const r = run("brief", "Nobody Here");
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("npm run scan", { timeout: 60_000 }, () => {
  it("prints the article and its mentions as one JSON document", () => {
    const r = run("scan", "demo/index.html");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ isArticle: true, title: "Russia ends dialogue with NATO", titleFrom: "h1", published: "2021-10-18", publishedFrom: "json-ld datePublished" });
    expect(out.articleText).toContain("Russian Foreign Minister Sergei Lavrov announced in Moscow");
    expect(out.articleText).not.toContain("Please enter your comment");
    expect(out.mentions[2]).toEqual({ entityId: "sergei-lavrov", name: "Sergei Lavrov", type: "person", text: "Lavrov" });
    expect(Array.isArray(out.unknown)).toBe(true);
  });
  it("reads a page as a browser does: <html> inside IE conditional comments", () => {
    const r = run("scan", "tests/fixtures/pages/ie-conditional.html");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ isArticle: true, published: "2019-05-21", publishedFrom: "title" });
  });
  const dir = mkdtempSync(path.join(tmpdir(), "backstory-scan-"));
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(path.join(dir, name), data);
    return path.join(dir, name);
  };
  it.each([
    ["a missing file", () => path.join(dir, "nothing-here.html"), "no such file"],
    ["an empty file", () => write("empty.html", ""), "is empty"],
    ["a folder", () => dir, "is a folder"],
    ["binary data", () => write("image.html", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3])), "binary"],
    ["text that is not HTML", () => write("data.html", '{"not": "a page"}\n'), "not an HTML page"],
    ["a broken gzip file", () => write("broken.html.gz", gzipSync("<p>x</p>").subarray(0, 12)), "broken gzip"],
  ])("exits non-zero with one line, no stack trace, for %s", (_, file, says) => {
    const r = run("scan", file());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(says);
  });
});

describe("the evaluation scripts without their part of ../shared", { timeout: 60_000 }, () => {
  it.each([
    ["eval-mentions", "mentions/seed-gold.json"],
    ["eval-article", "news-pages/article"],
    ["parity", "news-pages/article"],
  ])("%s names what it misses in one line and exits non-zero", (tool, part) => {
    const corpus = mkdtempSync(path.join(tmpdir(), "backstory-no-corpus-"));
    const r = spawnSync(process.execPath, ["tools/run-ts.mjs", `tools/${tool}.ts`], { cwd: root, encoding: "utf8", env: { ...process.env, BACKSTORY_CORPUS: corpus } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(part);
  });
});
