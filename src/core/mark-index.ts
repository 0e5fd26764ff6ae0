/**
 * The hit-test index: which marks may hold a caret position. The caret comes
 * as a text node and an offset in it; the text map gives each node's start in
 * the article's text, and marks are kept in text order, so a binary search
 * finds the few candidates a pointer can be on.
 */
export interface Located {
  start: number;
  /** Painted on the page (hidden mentions cannot be hit). */
  shown: boolean;
}

export interface MarkIndex<M extends Located> {
  /** The shown marks that may contain offset `offset` of `node`: the last starting at or before it, and its neighbours. */
  near(node: object, offset: number): M[];
}

export function markIndex<M extends Located>(nodes: readonly object[], starts: readonly number[], marks: readonly M[]): MarkIndex<M> {
  let nodeStart: Map<object, number> | null = null;
  return {
    near(node, offset) {
      // Built on the first hover, not during the scan: most pages are never hovered.
      nodeStart ??= new Map(nodes.map((n, i) => [n, starts[i]!]));
      const start = nodeStart.get(node);
      if (start === undefined || marks.length === 0) return [];
      const at = start + offset;
      // The last mark starting at or before the caret, and the one after (the caret may sit on its first letter).
      let lo = 0;
      let hi = marks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (marks[mid]!.start <= at) lo = mid;
        else hi = mid - 1;
      }
      return marks.slice(Math.max(0, lo - 1), lo + 2).filter((m) => m.shown);
    },
  };
}
