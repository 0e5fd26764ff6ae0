import { describe, expect, it } from "vitest";
import { hostOf, sourceJudge } from "../../src/core/knowledge/sources";
import type { SourcePolicy } from "../../src/core/knowledge/types";

const policy: SourcePolicy = {
  classes: { official: "o", news: "n", regional: "r", reference: "f", "state-media": "s" },
  publishers: [
    { name: "BBC", class: "news", hosts: ["bbc.co.uk", "bbc.com"] },
    { name: "Wikipedia", class: "reference", hosts: ["en.wikipedia.org"] },
    { name: "TASS", class: "state-media", hosts: ["tass.com"], officePrefixes: ["russia-"] },
  ],
  rejected: {
    hosts: ["mirror.bbc.co.uk"],
    patterns: [{ pattern: "^https?://(?![^/]*\\.wikipedia\\.org\\.?[:/])[^/]*wiki", why: "a mirror" }],
  },
};
const judge = sourceJudge(policy);

describe("the source policy", () => {
  it("finds a host's publisher through its parent domains, www and a trailing dot ignored", () => {
    expect(hostOf("https://www.news.bbc.co.uk./x")).toBe("news.bbc.co.uk");
    expect(judge("https://news.bbc.co.uk/world-1")).toMatchObject({ kind: "accepted", publisher: { name: "BBC" } });
    expect(judge("https://en.wikipedia.org/wiki/NATO")).toMatchObject({ kind: "accepted", publisher: { name: "Wikipedia" } });
  });
  it("lets a rejected host or pattern win over a listed parent domain", () => {
    expect(judge("https://mirror.bbc.co.uk/copy")).toMatchObject({ kind: "rejected" });
    expect(judge("https://wikimili.com/en/NATO")).toMatchObject({ kind: "rejected", why: "a mirror" });
  });
  it("says when a host is not listed at all", () => {
    expect(judge("https://example.net/a")).toEqual({ kind: "unlisted", host: "example.net" });
    expect(judge("not a url")).toEqual({ kind: "unlisted", host: "" });
  });
});
