import { locate, type TextMap } from "../core/textmap/textmap";
import type { MarkKind, MarkStyle } from "../shared/settings";
import { FLASH_MS } from "../shared/timings";
import type { Steps } from "../core/slices";

/** Ranges built between pauses. */
const RANGES_PER_STEP = 500;

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
}

export interface PaintedMark extends Mark {
  range: Range;
  /**
   * Painted on the page: a name's first mention in its section (or every
   * mention, if the reader asks). The others are kept for the keyboard and
   * "Show in page", shown only while their card is open.
   */
  shown: boolean;
}

export interface Paint {
  /** Every mention, painted or not, in text order. */
  marks: PaintedMark[];
  /** Our registered highlights, for hit-testing. */
  highlights: Set<Highlight>;
  /** The painted marks that may contain a caret position: those around its offset in the article's text. */
  near(node: Node, offset: number): PaintedMark[];
  /** Shows one mark while its card is open, if it is not painted (the "nothing until hover" style, a mention past the first). */
  hover(mark: PaintedMark | null): void;
  /** Briefly tints one mark ("Show in page"). */
  flash(mark: PaintedMark): void;
  /** Switches the marks to their light-on-dark colours, or back, when the page's scheme changes. */
  setDark(dark: boolean): void;
  destroy(): void;
}

/**
 * Paints marks with the CSS Custom Highlight API: the page's DOM is not
 * touched. The ::highlight() styles come from the manifest's content CSS, one
 * highlight name per style, kind and page scheme (see content.css).
 */
export function* paintSteps(doc: Document, map: TextMap, marks: Mark[], style: MarkStyle, dark: boolean, shown: readonly boolean[] = []): Steps<Paint> {
  const view = doc.defaultView!;
  const painted: PaintedMark[] = [];
  const byKind = new Map<MarkKind, Range[]>();
  for (const [i, m] of marks.entries()) {
    if (painted.length % RANGES_PER_STEP === 0) yield;
    const start = locate(map, m.start);
    const end = locate(map, m.end - 1);
    if (!start || !end) continue;
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset + 1);
    const isShown = shown[i] ?? true;
    painted.push({ ...m, range, shown: isShown });
    if (!isShown) continue;
    const list = byKind.get(m.kind);
    if (list) list.push(range);
    else byKind.set(m.kind, [range]);
  }
  /** Our highlights by base name; registered as `${base}-dark` while the article is shown light-on-dark. */
  const ours: [string, Highlight][] = [];
  let scheme = dark ? "-dark" : "";
  const highlights = new Set<Highlight>();
  const register = (base: string, highlight: Highlight) => {
    CSS.highlights.set(base + scheme, highlight);
    ours.push([base, highlight]);
    return highlight;
  };
  for (const [kind, ranges] of byKind) {
    // The "hover" style registers unstyled highlights: nothing shows, hit-testing still works.
    highlights.add(register(`backstory-${style === "hover" ? "hidden" : style}-${kind}`, new Highlight(...ranges)));
  }
  const hovered = register("backstory-hover", new Highlight());
  const flashing = register("backstory-flash", new Highlight());
  let flashTimer = 0;
  let nodeStart: Map<Node, number> | null = null;
  return {
    marks: painted,
    highlights,
    near(node, offset) {
      // Built on the first hover, not during the scan: most pages are never hovered.
      nodeStart ??= new Map(map.nodes.map((n, i) => [n as Node, map.starts[i]!]));
      const start = nodeStart.get(node);
      if (start === undefined) return [];
      const at = start + offset;
      // The last mark starting at or before the caret, and the one after (the caret may sit on its first letter).
      let lo = 0;
      let hi = painted.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (painted[mid]!.start <= at) lo = mid;
        else hi = mid - 1;
      }
      return painted.slice(Math.max(0, lo - 1), lo + 2).filter((m) => m.shown);
    },
    hover(mark) {
      hovered.clear();
      if (mark && (style === "hover" || !mark.shown)) hovered.add(mark.range);
    },
    flash(mark) {
      view.clearTimeout(flashTimer);
      flashing.clear();
      flashing.add(mark.range);
      flashTimer = view.setTimeout(() => flashing.clear(), FLASH_MS);
    },
    setDark(nowDark) {
      const next = nowDark ? "-dark" : "";
      if (next === scheme) return;
      // The same highlights under their other names: the ranges stay, the colours follow the page.
      for (const [base, highlight] of ours) {
        CSS.highlights.delete(base + scheme);
        CSS.highlights.set(base + next, highlight);
      }
      scheme = next;
    },
    destroy() {
      view.clearTimeout(flashTimer);
      for (const [base] of ours) CSS.highlights.delete(base + scheme);
    },
  };
}
