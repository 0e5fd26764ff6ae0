import { marksOn, withSite, type Settings } from "../shared/settings";
import { loadSettings, saveSettings, watchSettings } from "../shared/settings-store";
import { isDay, type PageSummary } from "../shared/messages";
import { send } from "../shared/runtime";
import { counts, rescan, sameRead, settingsEffects, SCANNING, type RescanEvent, type RescanState } from "../core/rescan";
import { readPage, startSession, type Session } from "./session";
import { Cancelled } from "./scheduler";
import { describeChanges, observePage } from "./page-changes";
import { contextValid, watchContext } from "./lifecycle";
import { removeLeftoverHosts } from "./card/host";
import { HIGHLIGHT_NAMES } from "./paint";
import { counters } from "./testing";
import { listenToExtension } from "./messages";
import type { Article } from "../core/article/detect";

/**
 * The composition root of the content script: everything it does in a page
 * starts here, and `destroy()` takes all of it down again (listeners, the
 * observer, timers, highlights, the card's host). It runs by itself when the
 * extension goes away under the page (reloaded, updated, removed), and a new
 * instance first clears what an old one may have left.
 *
 * Every failure stays here: a page is never broken by Backstory.
 */
export interface Backstory {
  /** Takes everything down again. */
  destroy(): void;
}

/** `detected`: the verdict on this document a moment ago (pastTheGate, src/content/index.ts); the first read starts from it. */
export function startBackstory(doc: Document, detected: Article | null = null): Backstory {
  const view = doc.defaultView!;
  const host = doc.location.host;
  /** This instance in this document: the background keeps a tab's summary while the same instance answers. */
  const documentId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  const disposers: (() => void)[] = [];
  let destroyed = false;
  let settings: Settings | null = null;
  let session: Session | null = null;
  /** Bumped by every read; a read that finds it changed stops. */
  let generation = 0;
  let force = false;
  let href = doc.URL;
  let schedule: RescanState = SCANNING;
  /** The day the reader set in the popup for this page, which shows none; known once asked for `readerDateFor`. */
  let readerDate: string | null = null;
  let readerDateFor: string | null = null;
  let timer = 0;
  let verdict = detected;

  clearLeftovers(doc);

  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    generation += 1;
    view.clearTimeout(timer);
    for (const dispose of disposers.reverse()) {
      try {
        dispose();
      } catch (error) {
        standDown(error);
      }
    }
    session?.destroy();
    session = null;
  };

  const context = watchContext(destroy);
  disposers.push(() => context.close());
  /** False once this instance is done; takes it down when the extension went away. */
  const alive = () => {
    if (destroyed) return false;
    if (!contextValid()) {
      destroy();
      return false;
    }
    return true;
  };
  /**
   * The same, on the reader's own activity (a hover, a command): also opens the port again if an idle
   * background closed it. Not on the page's DOM changes: a busy page would keep waking the background.
   */
  const aliveForReader = () => {
    if (!alive()) return false;
    context.touch();
    return true;
  };

  const report = (summary: PageSummary) => {
    if (alive()) void send({ type: "page-summary", summary, document: documentId }).catch(() => undefined);
  };
  const reportOff = () => report({ host, marking: false, isArticle: false, forced: false, title: null, published: null, dateSetByReader: false, entities: [], unknown: [] });
  const currentReaderDate = () => (readerDateFor === href ? readerDate : null);
  /** What the popup is told: an undated article carries the day the reader set for it. */
  const dated = (summary: PageSummary): PageSummary => {
    const date = currentReaderDate();
    return summary.marking && summary.published === null && date !== null ? { ...summary, published: date, dateSetByReader: true } : summary;
  };
  const stopSession = () => {
    session?.destroy();
    session = null;
  };

  /** One read of the page; `rebuild` makes a new session even when the text is unchanged (other kinds of names). */
  const scan = async (rebuild = false) => {
    const mine = ++generation;
    const cancelled = () => mine !== generation || destroyed;
    try {
      if (doc.URL !== href) {
        // A new page in a single-page site: what was true of the old one is not.
        href = doc.URL;
        force = false;
        rebuild = true;
      }
      if (!settings || !marksOn(settings, host)) {
        stopSession();
        return reportOff();
      }
      if (__BACKSTORY_TEST__) counters.reads += 1;
      // The verdict handed over (src/content/index.ts) serves the first read only, and only as it was made: unforced, on this address.
      const given = !force && !rebuild && doc.URL === href ? verdict : null;
      verdict = null;
      const read = await readPage(doc, force, cancelled, given);
      if (cancelled()) return;
      // The same text in the same nodes: the marks, an open card and the keyboard cursor stay as they are.
      if (!rebuild && session?.map && read.map && sameRead(session.map, read.map)) return;
      if (read.map && read.article.published === null && readerDateFor !== href) {
        // Only an undated page asks, once per address: the background keeps the reader's day for the tab.
        const asked: unknown = await send({ type: "get-reader-date" }).catch(() => null);
        if (cancelled()) return;
        readerDate = typeof asked === "string" && isDay(asked) ? asked : null;
        readerDateFor = href;
      }
      const current = settings;
      const next = await startSession(doc, read, current, {
        force,
        isCancelled: cancelled,
        showDelayMs: () => (settings ?? current).hoverDelayMs,
        alive: aliveForReader,
        readerDate: currentReaderDate,
      });
      if (cancelled()) return next.destroy();
      stopSession();
      session = next;
      report(dated(next.summary));
    } catch (error) {
      standDown(error);
    } finally {
      if (mine === generation && !destroyed) step({ type: "scan-done", at: performance.now() });
    }
  };

  // The page's own changes, through the rescan policy (src/core/rescan.ts).
  const step = (event: RescanEvent) => {
    const [next, effects] = rescan(schedule, event);
    schedule = next;
    for (const effect of effects) {
      if (effect.type === "scan") void scan();
      else {
        view.clearTimeout(timer);
        timer = view.setTimeout(() => step({ type: "timer", at: performance.now() }), Math.max(0, effect.until - performance.now()));
      }
    }
  };
  disposers.push(observePage(doc, (records) => {
    try {
      if (!settings || !marksOn(settings, host) || !alive()) return;
      const change = describeChanges(doc, records, {
        href,
        watched: session?.watched ?? null,
        noArticle: session !== null && !session.article,
        marksBroken: () => session?.marks.some((m) => m.range.collapsed) ?? false,
      });
      if (counts(change)) step({ type: "change", at: performance.now() });
    } catch (error) {
      standDown(error);
    }
  }));

  const onSettings = (next: Settings) => {
    const before = settings;
    settings = next;
    if (!before || !alive()) return;
    for (const effect of settingsEffects(before, next, host)) {
      if (effect === "start" || effect === "restart") void scan(true);
      else if (effect === "stop") {
        generation += 1;
        stopSession();
        reportOff();
      } else if (effect === "restyle") session?.restyle(next.markStyle);
      // "hover-delay": the hover reads the delay from the settings at each dwell.
    }
  };
  disposers.push(watchSettings(onSettings));

  // The first read waits for the settings; so does a message that arrives first (the one that woke a page the gate stopped).
  const ready = loadSettings().then((loaded) => {
    if (destroyed) return;
    settings ??= loaded;
    void scan();
  }).catch(standDown);

  const messages = listenToExtension({
    step: (direction) => session?.step(direction),
    show: (entityId, text, nth) => session?.show(entityId, text, nth),
    mentions: (entityId, text) => session?.mentions(entityId, text) ?? [],
    async toggleSite() {
      await ready;
      if (settings) await saveSettings(withSite(settings, host, !marksOn(settings, host)));
    },
    async scanAnyway() {
      await ready;
      force = true;
      await scan(true);
    },
    reportAgain: () => reportAgain(),
    async setDate(date) {
      readerDate = date;
      readerDateFor = href;
      await send({ type: "reader-date", date }).catch(() => undefined);
      // The next card asks for its briefing at this day; the popup follows the summary.
      if (session) report(dated(session.summary));
    },
    documentId,
    alive: aliveForReader,
    onError: standDown,
  });
  disposers.push(messages.stop);

  // A same-document navigation or a back/forward-cache restore: tell the background again what this page holds.
  const reportAgain = () => {
    if (session) report(dated(session.summary));
  };
  for (const type of ["pageshow", "popstate", "hashchange"] as const) {
    view.addEventListener(type, reportAgain);
    disposers.push(() => view.removeEventListener(type, reportAgain));
  }
  return { destroy };
}

/** Highlights registered under our names and a card host, left by an instance whose extension was reloaded or updated. */
function clearLeftovers(doc: Document): void {
  // By name, not by iterating CSS.highlights: Firefox's content scripts cannot iterate the page's registry (Xray).
  for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
  removeLeftoverHosts(doc);
}

export function standDown(error: unknown): void {
  if (!(error instanceof Cancelled)) console.debug("Backstory stood down on this page:", error);
}
