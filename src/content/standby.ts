import { mayBeArticle } from "../core/article/gate";
import { counts, rescan, IDLE_RESCAN, type RescanEvent, type RescanState } from "../core/rescan";
import { parseContentMessage } from "../shared/messages";
import { describeChanges, observePage } from "./page-changes";
import type { Backstory } from "./backstory";

/**
 * The extension's messaging as the browser gives it, without the
 * webextension-polyfill: its first use builds the API's bindings, which a page
 * the gate stopped should not pay for. `sendResponse` with `true` works in
 * both browsers.
 */
interface RawRuntime {
  id?: string;
  onMessage: {
    addListener(listener: RawListener): void;
    removeListener(listener: RawListener): void;
  };
}
type RawListener = (message: unknown, sender: { id?: string }, sendResponse: (reply?: unknown) => void) => boolean | undefined;

function rawRuntime(): RawRuntime | null {
  const g = globalThis as unknown as { browser?: { runtime?: RawRuntime }; chrome?: { runtime?: RawRuntime } };
  return g.browser?.runtime ?? g.chrome?.runtime ?? null;
}

/**
 * A page the gate (src/core/article/gate.ts) says cannot be an article: no
 * settings are read, nothing is reported, nothing is detected. What stays is
 * one message listener and the page watch. Backstory starts in full
 * (`start`) when the reader asks for it — the popup opens ("read-page"),
 * "Scan this page anyway", a keyboard command — or when the page changes
 * enough to be looked at again (a single-page site's navigation, new prose)
 * and the gate lets it through. The message that woke it is answered by the
 * full instance.
 */
export function standBy(doc: Document, start: () => Promise<Backstory | null>): void {
  const runtime = rawRuntime();
  if (!runtime) return;
  const view = doc.defaultView!;
  const href = doc.location.href;
  let schedule: RescanState = IDLE_RESCAN;
  let timer = 0;
  let stopWatch = () => {};

  const wake = (): Promise<Backstory | null> => {
    stopWatch();
    view.clearTimeout(timer);
    runtime.onMessage.removeListener(listener);
    return start();
  };

  const listener: RawListener = (raw, sender, sendResponse) => {
    if (sender.id !== runtime.id) return undefined;
    const message = parseContentMessage(raw);
    if (!message) return undefined;
    // No instance of ours reported for this document, so no summary of the tab is its own: null says so (and that the
    // page is standing by, which `npm run bench` waits for).
    if (message.type === "which-document") {
      sendResponse(null);
      return undefined;
    }
    void wake()
      .then((backstory) => backstory?.receive(raw, sender as Parameters<Backstory["receive"]>[1]))
      .then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  runtime.onMessage.addListener(listener);

  const step = (event: RescanEvent) => {
    const [next, effects] = rescan(schedule, event);
    schedule = next;
    for (const effect of effects) {
      if (effect.type === "scan") {
        if (mayBeArticle(doc)) return void wake().catch(() => undefined);
        step({ type: "scan-done", at: performance.now() });
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
