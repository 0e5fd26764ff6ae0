import { readSteps, type PageRead } from "../core/read";
import type { Article } from "../core/article/detect";
import { Cancelled, runInSlices } from "./scheduler";
import { MAX_PAINTED_MARKS } from "../shared/timings";
import type { MarkStyle, Settings } from "../shared/settings";
import type { TextMap } from "../core/textmap/textmap";
import { MAX_TEXT_LENGTH, parseFoundNames, type PageSummary } from "../shared/messages";
import type { FoundNames } from "../core/names-in-text";
import { paintSteps, type Paint, type PaintedMark } from "./paint";
import { startHover, type Hover } from "./hover";
import { createCardHost } from "./card/host";
import { articleIsDark } from "./theme";
import { markCounts, markKey, marksFrom, summarize, type Mark } from "../core/marks";
import { calmMarks } from "../core/mentions/calm";
import { send } from "../shared/runtime";
import { sentenceAround, type MentionLine } from "../core/text/sentences";

/** Marks of one entity, or of one unknown name (entityId null). */
const naming = (entityId: string | null, text: string | null) => (m: Mark) => (entityId !== null ? m.entityId === entityId : m.entityId === null && m.text === text);

/** The marks on one page, from one scan: painted, hoverable, navigable. */
export interface Session {
  summary: PageSummary;
  /** The elements whose changes call for a re-scan: the article's, or the body when none was found. */
  watched: Element[];
  /** Whether an article was found (otherwise `watched` is the body). */
  article: boolean;
  /** The text this session was built from; a new read that finds the same keeps the session (src/core/rescan.ts). */
  map: TextMap | null;
  /** The painted marks, whose ranges break when the page removes their text. */
  marks: readonly PaintedMark[];
  /** Paints the same marks in another style. */
  restyle(style: MarkStyle): void;
  /** Moves to the next (+1) or previous (-1) mark and opens its card. */
  step(direction: 1 | -1): void;
  /** Scrolls to the next mark of an entity (or unknown name), or its `nth`, and flashes it. */
  show(entityId: string | null, text: string | null, nth: number | null): void;
  /** The sentence around each mark of an entity (or unknown name), in text order. */
  mentions(entityId: string | null, text: string | null): MentionLine[];
  destroy(): void;
}

const NO_NAMES: FoundNames = { mentions: [], unknown: [] };

/**
 * The names in the article's text, found by the background, which holds the
 * matcher: the page never loads or parses the knowledge file. An answer that
 * does not fit the text is no answer.
 */
async function namesIn(text: string, lang: string | null, date: string | null): Promise<FoundNames> {
  const asked = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  return parseFoundNames(await send({ type: "find-names", text: asked, lang, date }), asked) ?? NO_NAMES;
}

/**
 * Finds the article (unless `detected` is a verdict on this document already) and reads its text, in time slices;
 * throws Cancelled when `isCancelled` turns true between slices.
 */
export function readPage(doc: Document, force: boolean, isCancelled: () => boolean, detected: Article | null = null): Promise<PageRead> {
  return runInSlices(readSteps(doc, { force, detected }), isCancelled);
}

export interface SessionOptions {
  force: boolean;
  isCancelled(): boolean;
  /** The hover delay as the settings say now. */
  showDelayMs(): number;
  /** False once the extension is gone under the page (see hover.ts). */
  alive(): boolean;
  /** The day the reader set for an undated article, as it is now (the popup can change it while the session lasts). */
  readerDate(): string | null;
}

/**
 * Finds the names in a read, paints them and wires the card, in time slices
 * so the page stays responsive; throws Cancelled when `isCancelled` turns true.
 */
export async function startSession(doc: Document, read: PageRead, settings: Settings, options: SessionOptions): Promise<Session> {
  const { force, isCancelled } = options;
  const host = doc.location.host;
  const { article } = read;
  const scan = { ...read, ...(read.map ? await namesIn(read.map.text, article.lang, article.published ?? options.readerDate()) : NO_NAMES) };
  if (isCancelled()) throw new Cancelled();
  const base = { isArticle: article.isArticle, forced: force && !article.isArticle, title: article.title?.slice(0, 1000) ?? null, published: article.published, dateSetByReader: false };
  const marks = marksFrom(scan, settings.kinds);
  const summary = summarize(host, marks, base);
  const found = scan.article.roots.length > 0;
  const watched = found ? scan.article.roots : [doc.body];
  const common = { summary, watched, article: found, map: scan.map };
  if (!scan.map || marks.length === 0) return { ...common, marks: [], restyle() {}, step() {}, show() {}, mentions: () => [], destroy() {} };
  const text = scan.map.text;

  const counts = markCounts(marks);
  // Counted in full, painted up to a cap: no reader uses more marks, and Firefox slows with each range in one text node.
  const kept = marks.slice(0, MAX_PAINTED_MARKS);
  const shown = calmMarks(kept, markKey, scan.map.headings, settings.everyMention);
  const painted: Paint = await runInSlices(paintSteps(doc, scan.map, kept, settings.markStyle, articleIsDark(watched[0]!), shown), isCancelled);
  const card = createCardHost(doc);
  const hover: Hover = startHover(doc, {
    paint: painted,
    card,
    showDelayMs: options.showDelayMs,
    alive: options.alive,
    count: (m) => counts.get(markKey(m)) ?? 1,
    briefing: (entityId) => send({ type: "get-briefing", entityId, date: article.published ?? options.readerDate() }),
    fullEntry: (entityId) => void send({ type: "open-entry", entityId }).catch(() => undefined),
  });

  // A page that turns dark after loading (a theme switch, the reader's scheme changing): the marks follow.
  const view = doc.defaultView!;
  let retint = 0;
  const recheck = () => {
    if (retint) return;
    retint = view.requestAnimationFrame(() => {
      retint = 0;
      painted.setDark(articleIsDark(watched[0]!));
    });
  };
  const scheme = view.matchMedia("(prefers-color-scheme: dark)");
  scheme.addEventListener("change", recheck);
  const themeWatch = new MutationObserver(recheck);
  for (const el of new Set([doc.documentElement, doc.body, ...watched])) themeWatch.observe(el, { attributes: true, attributeFilter: ["class", "style", "data-theme", "data-color-mode"] });

  let cursor = -1;
  const reveal = (m: PaintedMark) => {
    const target = m.range.startContainer.parentElement;
    target?.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
  };
  return {
    ...common,
    marks: painted.marks,
    restyle: (style) => painted.restyle(style),
    step(direction) {
      const list = painted.marks;
      cursor = (cursor + direction + list.length) % list.length;
      reveal(list[cursor]!);
      hover.open(cursor);
    },
    show(entityId, text, nth) {
      const list = painted.marks;
      const named = naming(entityId, text);
      // From the start for the nth mention; else on from the last one shown.
      const from = nth === null ? cursor : -1;
      let seen = 0;
      for (let i = 1; i <= list.length; i++) {
        const index = (from + i + list.length) % list.length;
        const m = list[index]!;
        if (!named(m) || (nth !== null && seen++ < nth)) continue;
        cursor = index;
        reveal(m);
        painted.flash(m);
        return;
      }
    },
    mentions(entityId, name) {
      return painted.marks.filter(naming(entityId, name)).map((m) => sentenceAround(text, m.start, m.end));
    },
    destroy() {
      themeWatch.disconnect();
      scheme.removeEventListener("change", recheck);
      if (retint) view.cancelAnimationFrame(retint);
      hover.destroy();
      card.destroy();
      painted.destroy();
    },
  };
}
