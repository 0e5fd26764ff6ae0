import browser from "webextension-polyfill";
import matcher from "backstory:matcher";
import { knowledge } from "../knowledge/index";
import { nameSteps, type FoundNames } from "../core/names-in-text";
import { drain } from "../core/slices";
import { briefingFor, type Briefing } from "../core/knowledge/briefing";
import { parseBackgroundMessage, isPageSummary, type BackgroundMessage, type Command, type PageSummary } from "../shared/messages";
import { sendToTab } from "../shared/runtime";

/**
 * The background keeps, per tab, the summary of what was found there (in
 * session storage: it survives the service worker's restarts and is gone
 * with the browser session), shows the count on the toolbar badge, answers
 * briefing lookups and finds the names in an article's text (the knowledge
 * base and the matcher compiled from it live here, never in pages), and
 * passes keyboard commands to the tab's content script.
 */

const key = (tabId: number) => `tab:${tabId}`;
const entitiesById = new Map(knowledge.entities.map((e) => [e.id, e]));

async function saveSummary(tabId: number, summary: PageSummary): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: summary });
  const count = summary.entities.length;
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : "" });
  await browser.action.setBadgeBackgroundColor({ tabId, color: "#1f3a5f" });
}

async function readSummary(tabId: number): Promise<PageSummary | null> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  return isPageSummary(stored) ? stored : null;
}

function briefing(entityId: string, date: string | null): Briefing | null {
  const entity = entitiesById.get(entityId);
  return entity ? briefingFor(knowledge, entity, date) : null;
}

async function handle(message: BackgroundMessage, sender: browser.Runtime.MessageSender): Promise<unknown> {
  switch (message.type) {
    case "page-summary":
      // Only a content script in a tab's top frame reports a page, and only for its own tab.
      if (sender.tab?.id === undefined || sender.frameId !== 0) return undefined;
      return saveSummary(sender.tab.id, message.summary);
    case "get-summary":
      return readSummary(message.tabId);
    case "get-briefing":
      return briefing(message.entityId, message.date);
    case "find-names":
      // Asked by a content script for the text it read; no other context needs it.
      if (sender.tab?.id === undefined) return null;
      return drain(nameSteps(message.text, matcher)) satisfies FoundNames;
    case "open-entry": {
      // The panel's full entry, opened as a page for the tab the card was in.
      const tab = sender.tab?.id !== undefined ? `tab=${sender.tab.id}&` : "";
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

browser.commands.onCommand.addListener(async (command: string, tab?: browser.Tabs.Tab) => {
  if (command !== "next-name" && command !== "previous-name" && command !== "toggle-site") return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId !== undefined) await sendToTab(tabId, { type: "command", command: command as Command }).catch(() => undefined);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove(key(tabId));
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document in the tab: the old summary no longer describes it.
  if (change.status === "loading") void browser.storage.session.remove(key(tabId));
});
