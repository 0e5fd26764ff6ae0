import { locate, type TextMap } from "../core/textmap/textmap";
import type { MarkKind, MarkStyle } from "../shared/settings";
import { FLASH_MS } from "../shared/timings";
import type { Steps } from "../core/slices";
import type { Mark } from "../core/marks";
import { markIndex } from "../core/mark-index";

/** Ranges built between pauses. */
const RANGES_PER_STEP = 500;

/** What a mark is painted as: its kind, or "office" for an office linked to its holder by the article's date. */
type PaintKind = MarkKind | "office";
const paintKind = (m: Mark): PaintKind => (m.office !== null ? "office" : m.kind);

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
  showHovered(mark: PaintedMark | null): void;
  /** Paints the same marks in another style (a settings change): nothing is read again. */
  restyle(style: MarkStyle): void;
  /** Briefly tints one mark ("Show in page"). */
  flash(mark: PaintedMark): void;
  /** Switches the marks to their light-on-dark colours, or back, when the page's scheme changes. */
  setDark(dark: boolean): void;
  destroy(): void;
}

// The "hover" style registers unstyled highlights ("hidden"): nothing shows, hit-testing still works.
const baseName = (style: MarkStyle, kind: PaintKind) => `backstory-${style === "hover" ? "hidden" : style}-${kind}`;
const HOVER = "backstory-hover";
const FLASH = "backstory-flash";

/** Every name Backstory registers highlights under (content.css styles each), for clearing an old instance's. */
export const HIGHLIGHT_NAMES: readonly string[] = ["", "-dark"].flatMap((scheme) =>
  [...(["underline", "tint", "hover"] as const).flatMap((style) => (["person", "organization", "unknown", "office"] as const).map((kind) => baseName(style, kind))), HOVER, FLASH].map((base) => base + scheme),
);

/**
 * Paints marks with the CSS Custom Highlight API: the page's DOM is not
 * touched. The ::highlight() styles come from the manifest's content CSS, one
 * highlight name per style, kind and page scheme (see content.css).
 */
export function* paintSteps(doc: Document, map: TextMap, marks: Mark[], style: MarkStyle, dark: boolean, shown: readonly boolean[] = []): Steps<Paint> {
  const view = doc.defaultView!;
  const painted: PaintedMark[] = [];
  const byKind = new Map<PaintKind, Range[]>();
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
    const list = byKind.get(paintKind(m));
    if (list) list.push(range);
    else byKind.set(paintKind(m), [range]);
  }
  // One Highlight per kind, registered under the names of the current style and scheme: a new style or
  // scheme re-registers the same highlights, so the ranges stay.
  const kinds = new Map([...byKind].map(([kind, ranges]) => [kind, new Highlight(...ranges)] as const));
  const highlights = new Set<Highlight>(kinds.values());
  const hovered = new Highlight();
  const flashing = new Highlight();
  const basesFor = (s: MarkStyle): [string, Highlight][] => [
    ...[...kinds].map(([kind, h]) => [baseName(s, kind), h] as [string, Highlight]),
    [HOVER, hovered],
    [FLASH, flashing],
  ];
  /** Our highlights by base name; registered as `${base}-dark` while the article is shown light-on-dark. */
  let ours = basesFor(style);
  let scheme = dark ? "-dark" : "";
  const register = () => {
    for (const [base, highlight] of ours) CSS.highlights.set(base + scheme, highlight);
  };
  // Only our own registrations are undone: the session that replaces this one has registered the same names.
  const unregister = () => {
    for (const [base, highlight] of ours) if (CSS.highlights.get(base + scheme) === highlight) CSS.highlights.delete(base + scheme);
  };
  register();
  let flashTimer = 0;
  const index = markIndex(map.nodes, map.starts, painted);
  return {
    marks: painted,
    highlights,
    near: (node, offset) => index.near(node, offset),
    showHovered(mark) {
      hovered.clear();
      if (mark && (style === "hover" || !mark.shown)) hovered.add(mark.range);
    },
    flash(mark) {
      view.clearTimeout(flashTimer);
      flashing.clear();
      flashing.add(mark.range);
      flashTimer = view.setTimeout(() => flashing.clear(), FLASH_MS);
    },
    restyle(next) {
      unregister();
      style = next;
      ours = basesFor(next);
      hovered.clear();
      register();
    },
    setDark(nowDark) {
      const next = nowDark ? "-dark" : "";
      if (next === scheme) return;
      // The same highlights under their other names: the ranges stay, the colours follow the page.
      unregister();
      scheme = next;
      register();
    },
    destroy() {
      view.clearTimeout(flashTimer);
      unregister();
    },
  };
}
