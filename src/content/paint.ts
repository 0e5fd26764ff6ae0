import type { TextMap } from "../core/textmap/textmap";
import { locate } from "../core/textmap/textmap";
import type { Mention } from "../core/mentions/find";

/** A mention with the live range that paints it. */
export interface PaintedMention extends Mention {
  range: Range;
}

export const HIGHLIGHT_NAMES = { person: "backstory-person", organization: "backstory-organization", state: "backstory-state" } as const;

export interface Paint {
  mentions: PaintedMention[];
  highlights: Set<Highlight>;
  destroy(): void;
}

/**
 * Paints mentions with the CSS Custom Highlight API: the page's DOM is not
 * touched; the ::highlight() styles come from the manifest's content CSS.
 */
export function paint(doc: Document, map: TextMap, mentions: Mention[]): Paint {
  const painted: PaintedMention[] = [];
  const byType = new Map<string, Range[]>();
  for (const m of mentions) {
    const start = locate(map, m.start);
    const end = locate(map, m.end - 1);
    if (!start || !end) continue;
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset + 1);
    painted.push({ ...m, range });
    const list = byType.get(m.type) ?? [];
    list.push(range);
    byType.set(m.type, list);
  }
  const highlights = new Set<Highlight>();
  const names: string[] = [];
  for (const [type, ranges] of byType) {
    const highlight = new Highlight(...ranges);
    const name = HIGHLIGHT_NAMES[type as keyof typeof HIGHLIGHT_NAMES];
    CSS.highlights.set(name, highlight);
    highlights.add(highlight);
    names.push(name);
  }
  return {
    mentions: painted,
    highlights,
    destroy() {
      for (const name of names) CSS.highlights.delete(name);
    },
  };
}
