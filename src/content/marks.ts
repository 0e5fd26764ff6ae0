import type { FoundNames } from "../core/names-in-text";
import type { Settings } from "../shared/settings";
import type { Mark } from "./paint";

/** The marks a scan asks for, of the kinds the reader marks, in document order. */
export function marksFrom(scan: FoundNames, kinds: Settings["kinds"]): Mark[] {
  const known: Mark[] = scan.mentions
    .filter((m) => (m.type === "person" || m.type === "organization") && kinds[m.type])
    .map((m) => ({ start: m.start, end: m.end, text: m.text, kind: m.type as "person" | "organization", entityId: m.entityId, name: m.name, guess: null, office: m.office ?? null, about: null }));
  const unknown: Mark[] = kinds.unknown
    ? scan.unknown.map((u) => ({ start: u.start, end: u.end, text: u.text, kind: "unknown" as const, entityId: null, name: u.text, guess: u.type, office: null, about: u.about ?? null }))
    : [];
  return [...known, ...unknown].sort((a, b) => a.start - b.start);
}
