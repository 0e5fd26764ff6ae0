import { describe, expect, it } from "vitest";
import { buildTextMap, locate } from "../../src/core/textmap/textmap";
import { documentFrom } from "./helpers";

const mapOf = (body: string) => {
  const doc = documentFrom(`<!doctype html><html><body>${body}</body></html>`);
  return buildTextMap(doc.body);
};

describe("buildTextMap", () => {
  it("joins inline markup and separates blocks", () => {
    expect(mapOf("<p>Sergei <a href=#>La<em>vrov</em></a> spoke</p><p>Next</p>").text).toBe("Sergei Lavrov spoke\nNext\n");
    expect(mapOf("<ul><li>One</li><li>Two</li></ul><h2>Head</h2><table><tr><td>A</td><td>B</td></tr></table>").text).toBe("One\nTwo\nHead\nA\nB\n");
  });
  it("skips code, scripts, styles, form fields and editable regions", () => {
    const text = mapOf("<p>Keep</p><pre>NATO</pre><code>x</code><script>NATO</script><style>p{}</style><textarea>NATO</textarea><div contenteditable>NATO</div><div hidden>NATO</div><p>End</p>").text;
    expect(text).toBe("Keep\nEnd\n");
  });
  it("maps every offset back to its text node", () => {
    const map = mapOf("<p>Sergei <b>Lavrov</b></p>");
    const at = locate(map, map.text.indexOf("Lavrov"));
    expect(at?.node.data).toBe("Lavrov");
    expect(at?.offset).toBe(0);
  });
  it("reads a page of many steps, several roots, as one text with every offset in place", () => {
    // 2,400 paragraphs of five nodes each: the walk pauses every 500 nodes, and the text is joined at each pause.
    const paragraphs = Array.from({ length: 2400 }, (_, i) => `<p>Name ${i} <b>met</b> NATO</p>`);
    const doc = documentFrom(`<!doctype html><html><body><div id=a>${paragraphs.slice(0, 1200).join("")}</div><aside>not a root</aside><div id=b>${paragraphs.slice(1200).join("")}</div></body></html>`);
    const map = buildTextMap([doc.getElementById("a")!, doc.getElementById("b")!]);
    expect(map.text).toBe(Array.from({ length: 2400 }, (_, i) => `Name ${i} met NATO\n`).join(""));
    for (const i of [0, 499, 500, 1199, 1200, 2399]) {
      const at = locate(map, map.text.indexOf(`Name ${i} met`) + `Name ${i} `.length);
      expect(at?.node.data).toBe("met");
      expect(at?.offset).toBe(0);
    }
  });
  it("walks deep nesting without recursion", () => {
    const deep = "<div>".repeat(5000) + "NATO" + "</div>".repeat(5000);
    expect(mapOf(deep).text.trim()).toBe("NATO");
  });
});
