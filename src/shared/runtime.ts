import browser from "webextension-polyfill";
import type { BackgroundMessage, ContentMessage, Reply } from "./messages";
import { WAKE_HOOK, wakeInPage } from "./wake";

/** The name of the port each content script holds open to the background (see src/content/lifecycle.ts). */
export const CONTENT_PORT = "backstory-content";

/** The rest of the content script, which the background injects past content.js's gate (build.mjs's entry name; docs/decisions/012, 013). */
export const CONTENT_REST = "backstory.js";

/** Sends a message to the background and types its reply. */
export async function send<M extends BackgroundMessage>(message: M): Promise<Reply<M>> {
  return (await browser.runtime.sendMessage(message)) as Reply<M>;
}

/** Sends a message to a tab's content script (top frame). */
export async function sendToTab(tabId: number, message: ContentMessage): Promise<void> {
  await askTab(tabId, message);
}

/**
 * The same, for a message a content script answers: the answer is unchecked data, for the caller to validate. A page
 * standing by listens for nothing: when the message finds no listener, the page is woken (src/shared/wake.ts) and
 * its full instance, listening then, is sent the message again.
 */
export async function askTab(tabId: number, message: ContentMessage): Promise<unknown> {
  const ask = () => browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  try {
    return await ask();
  } catch (error) {
    if (!(await wakeTab(tabId))) throw error;
    return ask();
  }
}

async function wakeTab(tabId: number): Promise<boolean> {
  const results = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: wakeInPage, args: [WAKE_HOOK] }).catch(() => []);
  return results[0]?.result === true;
}

/** Makes a tab the selected one in its window (from a page of ours in another tab). */
export async function showTab(tabId: number): Promise<void> {
  await browser.tabs.update(tabId, { active: true });
}
