import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectArticle } from "../../src/core/article/detect";
import { parseDocument, readDocument } from "../../tools/lib/parse";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

describe("parseDocument: the HTML standard's tree", () => {
  it("reads a page whose <html> is inside IE conditional comments, with a second <html> tag, as a browser does", () => {
    // linkedom's own parser leaves this page's <body> empty.
    const doc = parseDocument(fixture("pages/ie-conditional.html"));
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    expect(doc.documentElement.getAttribute("class")).toBe("no-js");
    expect(doc.body.textContent).toContain("Defence ministers of the alliance");
    const a = detectArticle(doc);
    expect(a.isArticle).toBe(true);
    expect([a.published, a.publishedFrom]).toEqual(["2019-05-21", "title"]);
  });
  it("moves stray content where a browser does: text before <html> into the body, misnested tags closed", () => {
    const doc = parseDocument("stray<html lang=de><body><p>One<div>Two</div><table>Three<tr><td>Four</td></tr></table>");
    expect(doc.documentElement.getAttribute("lang")).toBe("de");
    // The <p> ends where the <div> starts; text in a <table> but outside its cells is moved before it (foster parenting).
    expect(Array.from(doc.body.childNodes).map((n) => `${n.nodeName.toLowerCase()}:${n.textContent}`)).toEqual(["#text:stray", "p:One", "div:Two", "#text:Three", "table:Four"]);
  });
  it("orders nodes in document order, as a browser does, whatever their depth", () => {
    const doc = parseDocument(`<html><body><div id="a"><p id="p1">1</p><div><span id="s">x</span></div></div><p id="p2">2</p></body></html>`);
    const at = (id: string) => doc.getElementById(id)!;
    expect(at("s").compareDocumentPosition(at("p2"))).toBe(4); // FOLLOWING: deeper, yet before
    expect(at("p2").compareDocumentPosition(at("s"))).toBe(2); // PRECEDING
    expect(at("p1").compareDocumentPosition(at("s"))).toBe(4);
    expect(at("a").compareDocumentPosition(at("s"))).toBe(4 | 16); // FOLLOWING | CONTAINED_BY
    expect(at("s").compareDocumentPosition(at("a"))).toBe(2 | 8); // PRECEDING | CONTAINS
  });
  it("keeps SVG in its namespace, and a template's content out of the tree", () => {
    const doc = parseDocument(`<body><svg><text>Label</text></svg><template><p>Hidden</p></template></body>`);
    expect(doc.querySelector("svg")?.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(doc.body.textContent).toBe("Label");
  });
  it("decodes a page as UTF-8 when it is, whatever its <meta charset> says, else by its <meta charset>", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "backstory-parse-"));
    const page = (charset: string, title: Uint8Array) => Buffer.concat([Buffer.from(`<html><head><meta charset="${charset}"><title>`), title, Buffer.from("</title></head><body></body></html>")]);
    writeFileSync(path.join(dir, "saved.html"), page("gb2312", Buffer.from("腾讯网", "utf8")));
    writeFileSync(path.join(dir, "legacy.html"), page("windows-1252", Uint8Array.from([0x43, 0x61, 0x66, 0xe9])));
    expect(readDocument(path.join(dir, "saved.html")).title).toBe("腾讯网");
    expect(readDocument(path.join(dir, "legacy.html")).title).toBe("Café");
  });
});
