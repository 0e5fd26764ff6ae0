import type { FoundNames } from "./names-in-text";
import type { MarkKind, Settings } from "../shared/settings";
import type { PageSummary } from "../shared/messages";

/** One marked range: a known entity or a name the briefing file does not hold. */
export interface Mark {
  start: number;
  end: number;
  text: string;
  kind: MarkKind;
  /** null for an unknown name. */
  entityId: string | null;
  /** The entity's canonical name, or the text as written for an unknown name. */
  name: string;
  /** For an unknown name: what kind of name it seems to be. */
  guess: "person" | "organization" | null;
  /** Set when the text names an office, not the person ("Russia's foreign minister"): the office key; marked more quietly. */
  office: string | null;
  /** For an unknown name: what the article says it is ("the assistant secretary of state"). */
  about: string | null;
}

/** What a mark names: its entity, or an unknown name by its text. */
export const markKey = (m: Mark): string => m.entityId ?? `?${m.text}`;

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

/** How often each entity (or unknown name) is marked, by markKey. */
export function markCounts(marks: readonly Mark[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of marks) counts.set(markKey(m), (counts.get(markKey(m)) ?? 0) + 1);
  return counts;
}

/** The page's summary for the background and the popup: each name once, most mentioned first. */
export function summarize(host: string, marks: readonly Mark[], base: Omit<PageSummary, "host" | "entities" | "unknown" | "marking">): PageSummary {
  const entities = new Map<string, PageSummary["entities"][number]>();
  const unknown = new Map<string, PageSummary["unknown"][number]>();
  for (const m of marks) {
    if (m.entityId !== null && m.kind !== "unknown") {
      const e = entities.get(m.entityId) ?? { id: m.entityId, name: m.name, type: m.kind, count: 0 };
      e.count += 1;
      entities.set(m.entityId, e);
    } else {
      const u = unknown.get(m.text) ?? { text: m.text, type: m.guess ?? "person", count: 0 };
      u.count += 1;
      unknown.set(m.text, u);
    }
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return { ...base, host, marking: true, entities: [...entities.values()].sort(byCount), unknown: [...unknown.values()].sort(byCount) };
}
