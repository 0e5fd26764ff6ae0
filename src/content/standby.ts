import type { Article } from "../core/article/detect";
import { counts, rescan, IDLE_RESCAN, type RescanEvent, type RescanState } from "../core/rescan";
import { WAKE_HOOK, type WakeHook } from "../shared/wake";
import { describeChanges, observePage } from "./page-changes";
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
 * (detection is in backstory.js, docs/decisions/013). What stays is the page
 * watch and a hook on the content scripts' own global (WAKE_HOOK), which the
 * page's scripts cannot see: no message listener, as a listener's first use
 * in a renderer is most of what such a page paid (docs/decisions/014).
 * Backstory starts in full (`start`) when the reader asks for it — the popup
 * opens ("read-page"), "Scan this page anyway", a keyboard command: the
 * message finds no listener, and the sender calls the hook by
 * scripting.executeScript, then sends it again (src/shared/runtime.ts's
 * askTab) — or when the page changes enough to be looked at again (a
 * single-page site's navigation, new prose) and `articleNow` has a verdict to
 * start from.
 */
export function standBy(doc: Document, start: (detected?: Article) => Promise<Backstory | null>, articleNow: () => Promise<Verdict | null>): void {
  const view = doc.defaultView!;
  // document.URL, not location.href: the same address, with no Location object built in the extension's world.
  const href = doc.URL;
  const hooks = globalThis as unknown as Record<string, WakeHook | undefined>;
  let schedule: RescanState = IDLE_RESCAN;
  let timer = 0;
  let stopWatch = () => {};

  let awake = false;
  const wake = (detected?: Article): Promise<Backstory | null> => {
    awake = true;
    stopWatch();
    view.clearTimeout(timer);
    if (hooks[WAKE_HOOK] === hook) delete hooks[WAKE_HOOK];
    // The rest not loaded (the background could not inject it): stand by again, so the next ask tries once more
    // instead of finding a page that no longer answers.
    return start(detected).catch((error: unknown) => {
      standBy(doc, start, articleNow);
      throw error;
    });
  };
  // Called only by the extension (the global is the content scripts' own): true once the full instance listens.
  const hook: WakeHook = () => wake().then((backstory) => backstory !== null, () => false);
  hooks[WAKE_HOOK] = hook;

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
