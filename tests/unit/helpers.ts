import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseDocument } from "../../tools/lib/parse";
import type { Knowledge, SourcePolicy } from "../../src/core/knowledge/types";

/** A live-like Document from HTML, as the scan command builds one (the HTML standard's tree, linkedom's nodes). */
export function documentFrom(html: string): Document {
  return parseDocument(html);
}

export function demoDocument(): Document {
  return documentFrom(readFileSync(new URL("../../demo/index.html", import.meta.url), "utf8"));
}

/** A source and a policy that accepts it, for knowledge bases made up in tests. */
export const testSource = { title: "A source", url: "https://example.org/", publisher: "Example", published: "2026-10-01", quote: "A sentence that states the fact." };
export const testPolicy: SourcePolicy = {
  classes: { official: "Official bodies.", news: "Established news.", regional: "Smaller outlets.", reference: "Reference works.", "state-media": "State media, labelled." },
  publishers: [{ name: "Example", class: "news", hosts: ["example.org"] }],
  rejected: { hosts: [], patterns: [] },
};
const source = testSource;

/** A small knowledge base for matcher tests: names chosen for their traps. */
export function tinyKnowledge(): Knowledge {
  const base = { summary: "For tests only.", briefing: "A briefing long enough to pass the schema's minimum length.", roles: [], related: [], sources: [source] };
  return {
    header: { name: "T", version: "0.0.1", currentAsOf: "2026-11-26", language: "en" },
    sourcePolicy: testPolicy,
    timeline: [],
    entities: [
      { ...base, id: "nato", type: "organization", name: "NATO", aliases: ["North Atlantic Treaty Organization"], contextAliases: ["the Alliance", "the alliance"] },
      { ...base, id: "nrc", type: "organization", name: "NATO–Russia Council", aliases: ["NATO-Russia Council"] },
      { ...base, id: "lavrov", type: "person", name: "Sergei Lavrov", aliases: ["Sergey Lavrov", "Lavrov"] },
      { ...base, id: "maas", type: "person", name: "Heiko Maas", aliases: [], contextAliases: ["Maas"] },
      { ...base, id: "erdogan", type: "person", name: "Recep Tayyip Erdoğan", aliases: ["Erdoğan"] },
      { ...base, id: "medvedev-d", type: "person", name: "Dmitry Medvedev", aliases: [], contextAliases: ["Medvedev"] },
      { ...base, id: "medvedev-t", type: "person", name: "Daniil Medvedev", aliases: [], contextAliases: ["Medvedev"] },
      { ...base, id: "russia", type: "state", name: "Russia", aliases: [] },
      { ...base, id: "stoltenberg", type: "person", name: "Jens Stoltenberg", aliases: ["Stoltenberg"] },
      { ...base, id: "rasmussen", type: "person", name: "Anders Fogh Rasmussen", aliases: [] },
      { ...base, id: "may", type: "person", name: "Theresa May", aliases: [] },
    ],
  };
}

/** A page from tests/fixtures/ (gzipped), parsed as the scan command parses it. */
export function fixtureDocument(name: string): Document {
  const raw = readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
  return documentFrom((name.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8"));
}
