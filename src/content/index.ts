import browser from "webextension-polyfill";
import { marksOn, withSite, type Settings } from "../shared/settings";
import { loadSettings, saveSettings, watchSettings } from "../shared/settings-store";
import { parseContentMessage, type ContentMessage, type PageSummary } from "../shared/messages";
import { send } from "../shared/runtime";
import { startSession, type Session } from "./session";

/**
 * The content script: reads the reader's settings, scans and marks the page
 * when marking is on for its site, follows settings changes live, and takes
 * commands from the background and the popup. Every failure stays here: a
 * page is never broken by Backstory.
 */

function report(summary: PageSummary): void {
  void send({ type: "page-summary", summary }).catch(() => undefined);
}

async function main(doc: Document): Promise<void> {
  let settings = await loadSettings();
  let session: Session | null = null;
  let force = false;
  const host = doc.location.host;

  const apply = () => {
    session?.destroy();
    session = null;
    if (!marksOn(settings, host)) {
      report({ host, marking: false, isArticle: false, forced: false, title: null, published: null, entities: [], unknown: [] });
      return;
    }
    session = startSession(doc, settings, force);
    report(session.summary);
  };
  const guarded = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      session = null;
      console.debug("Backstory stood down on this page:", error);
    }
  };

  const handle = async (message: ContentMessage) => {
    switch (message.type) {
      case "command":
        if (message.command === "toggle-site") await saveSettings(withSite(settings, host, !marksOn(settings, host)));
        else guarded(() => session?.step(message.command === "next-name" ? 1 : -1));
        return;
      case "scan-anyway":
        force = true;
        guarded(apply);
        return;
      case "show-mention":
        guarded(() => session?.show(message.entityId, message.text));
        return;
    }
  };

  watchSettings((next: Settings) => {
    settings = next;
    guarded(apply);
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    // Only our own background and popup (content scripts cannot message tabs): never another extension, never the page.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseContentMessage(raw);
    return message ? handle(message).catch(() => undefined) : undefined;
  });
  guarded(apply);
}

// Only real HTML documents in the top frame: not XML, not frames (the article is in the top document).
if (document.documentElement?.localName === "html" && document.body && window.top === window) {
  main(document).catch((error) => console.debug("Backstory stood down on this page:", error));
}
