import type { Article } from "../core/article/detect";
import { counts, rescan, IDLE_RESCAN, type RescanEvent, type RescanState } from "../core/rescan";
import { parseContentMessage } from "../shared/messages";
import { describeChanges, observePage } from "./page-changes";
import browser from "webextension-polyfill";
import type { Backstory } from "./backstory";

/** Why the rest of the content script starts: detection's article, or nothing detected (a site switched off). */
export interface Verdict {
  detected?: Article;
}

/**
 * A page the gate (src/core/article/gate.ts) says cannot be an article, or
 * one detection found no article on: nothing is reported. A page the gate
 * stopped has not loaded the rest of the content script (backstory.js) nor
 * read the settings; one detection found no article on has them loaded, idle
 * (detection is in backstory.js, docs/decisions/013). What stays is
 * one message listener and the page watch. Backstory starts in full
 * (`start`) when the reader asks for it — the popup opens ("read-page"),
 * "Scan this page anyway", a keyboard command — or when the page changes
 * enough to be looked at again (a single-page site's navigation, new prose)
 * and `articleNow` has a verdict to start from. The message that woke it is
 * answered by the full instance.
 */
export function standBy(doc: Document, start: (detected?: Article) => Promise<Backstory | null>, articleNow: () => Promise<Verdict | null>): void {
  // content.js's `browser` is the browser's own API (src/content/browser-api.ts): a stopped page pays no polyfill.
  const runtime = browser.runtime;
  const view = doc.defaultView!;
  const href = doc.location.href;
  let schedule: RescanState = IDLE_RESCAN;
  let timer = 0;
  let stopWatch = () => {};

  let awake = false;
  const wake = (detected?: Article): Promise<Backstory | null> => {
    awake = true;
    stopWatch();
    view.clearTimeout(timer);
    runtime.onMessage.removeListener(listener);
    // The rest not loaded (the background could not inject it): stand by again, so the next ask tries once more
    // instead of finding a page that no longer listens.
    return start(detected).catch((error: unknown) => {
      standBy(doc, start, articleNow);
      throw error;
    });
  };

  const listener = (raw: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== runtime.id) return undefined;
    const message = parseContentMessage(raw);
    if (!message) return undefined;
    // No instance of ours reported for this document, so no summary of the tab is its own: null says so (and that the
    // page is standing by, which `npm run bench` waits for).
    if (message.type === "which-document") return Promise.resolve(null);
    return wake()
      .then((backstory) => backstory?.receive(raw, sender))
      .catch(() => undefined);
  };
  runtime.onMessage.addListener(listener);

  const step = (event: RescanEvent) => {
    const [next, effects] = rescan(schedule, event);
    schedule = next;
    for (const effect of effects) {
      if (effect.type === "scan") {
        void articleNow().then((verdict) => {
          if (awake) return;
          if (verdict) return void wake(verdict.detected).catch(() => undefined);
          step({ type: "scan-done", at: performance.now() });
        }, () => undefined);
      } else {
        view.clearTimeout(timer);
        timer = view.setTimeout(() => step({ type: "timer", at: performance.now() }), Math.max(0, effect.until - performance.now()));
      }
    }
  };
  // The same policy as a page detection found no article on: a navigation, or new prose, is looked at again.
  stopWatch = observePage(doc, (records) => {
    const change = describeChanges(doc, records, { href, watched: null, noArticle: true, marksBroken: () => false });
    if (counts(change)) step({ type: "change", at: performance.now() });
  });
}
