import browser from "webextension-polyfill";
import { marksOn, withSite, type Settings } from "../shared/settings";
import { loadSettings, saveSettings, watchSettings } from "../shared/settings-store";
import { parseContentMessage, type ContentMessage, type PageSummary } from "../shared/messages";
import { send } from "../shared/runtime";
import { RESCAN_DEBOUNCE_MS } from "../shared/timings";
import { startSession, type Session } from "./session";
import { Cancelled } from "./slicing";

/**
 * The content script: reads the reader's settings, scans and marks the page
 * when marking is on for its site, follows settings changes and the page's
 * own changes live, and takes commands from the background and the popup.
 * Every failure stays here: a page is never broken by Backstory.
 */

function report(summary: PageSummary): void {
  void send({ type: "page-summary", summary }).catch(() => undefined);
}

function standDown(error: unknown): void {
  if (!(error instanceof Cancelled)) console.debug("Backstory stood down on this page:", error);
}

async function main(doc: Document): Promise<void> {
  const view = doc.defaultView!;
  let settings = await loadSettings();
  let session: Session | null = null;
  /** Bumped by every (re)start; a scan that finds it changed stops. */
  let generation = 0;
  let force = false;
  let href = doc.location.href;
  const host = doc.location.host;

  const stop = () => {
    generation += 1;
    session?.destroy();
    session = null;
  };
  const start = async () => {
    stop();
    const mine = generation;
    if (!marksOn(settings, host)) {
      report({ host, marking: false, isArticle: false, forced: false, title: null, published: null, entities: [], unknown: [] });
      return;
    }
    const next = await startSession(doc, settings, force, () => mine !== generation);
    if (mine !== generation) return next.destroy();
    session = next;
    report(next.summary);
  };
  const restart = () => void start().catch(standDown);

  // The page changes after load: late-rendered bodies, live updates, single-page navigation.
  let timer = 0;
  /** New elements with some prose: a body rendered late, a next article appended; not a ticker's tick. */
  const addsProse = (records: MutationRecord[]) =>
    records.some((r) => r.type === "childList" && Array.from(r.addedNodes).some((n) => n.nodeType === 1 && (n.textContent?.length ?? 0) >= 200));
  const relevant = (records: MutationRecord[]) => {
    if (!marksOn(settings, host)) return false;
    if (doc.location.href !== href) return true;
    const watched = session?.watched;
    // No session yet: the scan under way reads the page as it is now.
    if (!watched) return false;
    if (watched.some((w) => !w.isConnected)) return true;
    // Without an article, only new prose can bring one; a ticker's text changes cannot.
    if (watched[0] === doc.body) return addsProse(records);
    return addsProse(records) || records.some((r) => watched.some((w) => w.contains(r.target)));
  };
  const observer = new MutationObserver((records) => {
    if (!relevant(records)) return;
    view.clearTimeout(timer);
    timer = view.setTimeout(() => {
      if (doc.location.href !== href) {
        // A new page in a single-page site: what was true of the old one is not.
        href = doc.location.href;
        force = false;
      }
      restart();
    }, RESCAN_DEBOUNCE_MS);
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });

  const handle = async (message: ContentMessage) => {
    switch (message.type) {
      case "command":
        if (message.command === "toggle-site") await saveSettings(withSite(settings, host, !marksOn(settings, host)));
        else session?.step(message.command === "next-name" ? 1 : -1);
        return;
      case "scan-anyway":
        force = true;
        await start();
        return;
      case "show-mention":
        session?.show(message.entityId, message.text);
        return;
    }
  };

  watchSettings((next: Settings) => {
    settings = next;
    restart();
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    // Only our own background and popup (content scripts cannot message tabs): never another extension, never the page.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseContentMessage(raw);
    return message ? handle(message).catch(standDown) : undefined;
  });
  restart();
}

// Only HTML documents in the top frame: not XML (XHTML included: our host element needs an HTML document),
// not frames (the article is in the top document).
if (document.contentType === "text/html" && document.body && window.top === window) {
  main(document).catch(standDown);
}
