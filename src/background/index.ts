import browser from "webextension-polyfill";
import matcher from "backstory:matcher";
import { knowledge } from "../knowledge/index";
import { nameSteps, type FoundNames } from "../core/names-in-text";
import { drain } from "../core/slices";
import { briefingFor, type Briefing } from "../core/knowledge/briefing";
import { injectionTarget, isExtensionPage, isTopFrameContentScript, rateLimit } from "../core/senders";
import { parseBackgroundMessage, isDocumentId, isReaderDate, pageOf, readerDateKey, summaryKey, type BackgroundMessage, type Command, type StoredSummary } from "../shared/messages";
import { CONTENT_PORT, CONTENT_REST, sendToTab } from "../shared/runtime";
import { readStoredSummary } from "../shared/summary-store";

/**
 * The background keeps, per tab, the summary of what was found there (in
 * session storage: it survives the service worker's restarts and is gone
 * with the browser session), shows the count on the toolbar badge, answers
 * briefing lookups and finds the names in an article's text (the knowledge
 * base and the matcher compiled from it live here, never in pages), and
 * passes keyboard commands to the tab's content script.
 */

const entitiesById = new Map(knowledge.entities.map((e) => [e.id, e]));
const ORIGIN = browser.runtime.getURL("");
const fromExtensionPage = (sender: browser.Runtime.MessageSender) => isExtensionPage(sender, browser.runtime.id, ORIGIN);
const fromTopFrame = (sender: browser.Runtime.MessageSender) => isTopFrameContentScript(sender, browser.runtime.id, ORIGIN);
/** Tabs opened for full entries: a reader opens one now and then; three in ten seconds from one source is plenty. */
const mayOpenTab = rateLimit(3, 10_000);

async function saveSummary(tabId: number, stored: StoredSummary): Promise<void> {
  await browser.storage.session.set({ [summaryKey(tabId)]: stored });
  const count = stored.summary.entities.length;
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : "" });
  await browser.action.setBadgeBackgroundColor({ tabId, color: "#1f3a5f" });
}

function briefing(entityId: string, date: string | null): Briefing | null {
  const entity = entitiesById.get(entityId);
  return entity ? briefingFor(knowledge, entity, date) : null;
}

async function handle(message: BackgroundMessage, sender: browser.Runtime.MessageSender): Promise<unknown> {
  switch (message.type) {
    case "page-summary":
      // Only a content script in a tab's top frame reports a page, and only for its own tab.
      if (!fromTopFrame(sender)) return undefined;
      return saveSummary(sender.tab!.id!, { document: message.document, summary: message.summary });
    case "get-briefing":
      return briefing(message.entityId, message.date);
    case "find-names":
      // Asked by a content script for the text it read; no other context needs it.
      if (sender.tab?.id === undefined) return null;
      // The page's language decides how German capitalisation is read (names-in-text.ts).
      // The article's date links "the Ukrainian president" to whoever held the office then.
      return drain(nameSteps(message.text, matcher, message.lang ?? undefined, message.date)) satisfies FoundNames;
    case "reader-date": {
      // Kept in session storage (memory, gone with the tab or the browser session), for this page only.
      if (!fromTopFrame(sender) || !sender.url) return undefined;
      const key = readerDateKey(sender.tab!.id!);
      if (message.date === null) return browser.storage.session.remove(key);
      return browser.storage.session.set({ [key]: { page: pageOf(sender.url), date: message.date } });
    }
    case "get-reader-date": {
      if (!fromTopFrame(sender) || !sender.url) return null;
      const key = readerDateKey(sender.tab!.id!);
      const stored: unknown = (await browser.storage.session.get(key))[key];
      return isReaderDate(stored) && stored.page === pageOf(sender.url) ? stored.date : null;
    }
    case "load-content": {
      // content.js past the gate (or the reader asked): the rest goes into the document that asked.
      const target = injectionTarget(sender, browser.runtime.id, ORIGIN);
      if (!target) return false;
      await browser.scripting.executeScript({ target, files: [CONTENT_REST] });
      return true;
    }
    case "open-entry": {
      // The panel's full entry, opened as a page: from our pages, or for the tab whose top frame asks.
      const page = fromExtensionPage(sender);
      if (!page && !fromTopFrame(sender)) return undefined;
      if (!mayOpenTab(page ? "pages" : `tab:${sender.tab!.id}`, Date.now())) return undefined;
      const tab = !page ? `tab=${sender.tab!.id}&` : "";
      await browser.tabs.create({ url: browser.runtime.getURL(`popup.html?${tab}entity=${encodeURIComponent(message.entityId)}`) });
      return undefined;
    }
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const message = parseBackgroundMessage(raw);
  if (!message) return undefined;
  return handle(message, sender);
});

// Content scripts hold a port open so they learn when this extension is reloaded or updated (the port
// disconnects and their context is gone): nothing is sent over it.
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== CONTENT_PORT) port.disconnect();
});

browser.commands.onCommand.addListener(async (command: string, tab?: browser.Tabs.Tab) => {
  if (command !== "next-name" && command !== "previous-name" && command !== "toggle-site") return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId !== undefined) await sendToTab(tabId, { type: "command", command: command as Command }).catch(() => undefined);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove([summaryKey(tabId), readerDateKey(tabId)]);
});

/**
 * A "loading" update comes for a new document, and in Chromium also for a
 * same-document navigation (history.pushState/replaceState, a hash change) or
 * a back/forward-cache restore. The summary stays when the content script that
 * reported it still answers from the tab's top frame; otherwise it no longer
 * describes the tab. (The content script also reports again on pageshow,
 * popstate, hashchange and URL changes.)
 */
async function checkSummary(tabId: number): Promise<void> {
  const stored = await readStoredSummary(tabId);
  if (!stored) return;
  const answer: unknown = await browser.tabs.sendMessage(tabId, { type: "which-document" }, { frameId: 0 }).catch(() => null);
  if (isDocumentId(answer) && answer === stored.document) return;
  // Only drop what is still the old document's: a new document may have reported meanwhile.
  const now = await readStoredSummary(tabId);
  if (now?.document === stored.document) await browser.storage.session.remove(summaryKey(tabId));
}

browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === "loading") void checkSummary(tabId).catch(() => undefined);
});
