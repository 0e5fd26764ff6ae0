import { describe, expect, it } from "vitest";
import { describeChanges, type WatchContext } from "../../src/content/page-changes";
import { counts } from "../../src/core/rescan";
import { documentFrom } from "./helpers";

// MutationRecords as the browser hands them over (linkedom has no MutationObserver): only the fields read.
type Rec = Pick<MutationRecord, "type" | "target" | "addedNodes" | "removedNodes" | "oldValue">;
const record = (r: Partial<Rec> & Pick<Rec, "type" | "target">): MutationRecord =>
  ({ addedNodes: [] as unknown as NodeList, removedNodes: [] as unknown as NodeList, oldValue: null, ...r }) as MutationRecord;
const list = (...nodes: Node[]) => nodes as unknown as NodeList;

function page() {
  const doc = documentFrom(`<html><body><nav>Menu</nav><article><p id="live">10:00:00</p><p id="p">Sergei Lavrov said.</p></article></body></html>`);
  Object.defineProperty(doc, "URL", { value: "https://news.example/a" });
  const article = doc.querySelector("article")!;
  const at: WatchContext = { href: "https://news.example/a", watched: [article], noArticle: false, marksBroken: () => false };
  return { doc, article, at };
}

describe("the page's changes, summarized for the rescan policy", () => {
  it("a ticking clock in the article replaces digits only: it does not count", () => {
    const { doc, at } = page();
    const live = doc.getElementById("live")!;
    const before = live.firstChild!;
    live.textContent = "10:00:01";
    const change = describeChanges(doc, [record({ type: "childList", target: live, removedNodes: list(before), addedNodes: list(live.firstChild!) })], at);
    expect(change).toMatchObject({ removedText: "10:00:00", addedText: "10:00:01" });
    expect(counts(change)).toBe(false);
  });
  it("a paragraph added to the article counts; one added outside it does not", () => {
    const { doc, article, at } = page();
    const p = doc.createElement("p");
    p.textContent = "Jens Stoltenberg answered.";
    article.append(p);
    expect(counts(describeChanges(doc, [record({ type: "childList", target: article, addedNodes: list(p) })], at))).toBe(true);
    const nav = doc.querySelector("nav")!;
    const q = doc.createElement("p");
    q.textContent = "Breaking: a ticker line";
    nav.append(q);
    expect(counts(describeChanges(doc, [record({ type: "childList", target: nav, addedNodes: list(q) })], at))).toBe(false);
  });
  it("edited text inside the article counts by its letters", () => {
    const { doc, at } = page();
    const text = doc.getElementById("p")!.firstChild as Text;
    const old = text.data;
    text.data = "Dmitry Peskov said.";
    expect(counts(describeChanges(doc, [record({ type: "characterData", target: text, oldValue: old })], at))).toBe(true);
  });
  it("a replaced article or body, and a new URL, count", () => {
    const { doc, article, at } = page();
    article.remove();
    expect(describeChanges(doc, [], at).rootsGone).toBe(true);
    expect(describeChanges(doc, [], { ...at, watched: [], href: "https://news.example/b" })).toMatchObject({ rootsGone: true, urlChanged: true });
  });
  it("asks whether marks broke only when text was removed or edited", () => {
    const { doc, article, at } = page();
    let asked = 0;
    const watching = { ...at, marksBroken: () => (asked++, true) };
    const p = doc.createElement("p");
    article.append(p);
    expect(describeChanges(doc, [record({ type: "childList", target: article, addedNodes: list(p) })], watching).marksBroken).toBe(false);
    expect(asked).toBe(0);
    p.remove();
    expect(describeChanges(doc, [record({ type: "childList", target: article, removedNodes: list(p) })], watching).marksBroken).toBe(true);
    expect(asked).toBe(1);
  });
});
