/**
 * Who may ask the background what, decided without a browser so it can be
 * tested. A message's sender is what the browser says it is (not what the
 * message claims): its extension id, the URL of the frame that sent it, and
 * the tab and frame it came from when it came from a tab.
 */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  /** The sending document, where the browser names documents (Chromium 106+). */
  documentId?: string;
}

/**
 * One of our own extension pages: the popup, the options page, or the popup
 * opened as a page (`popup.html?tab=ID`, which has a tab of its own). Our
 * content script runs only on http(s) pages, so a sender whose URL is ours
 * is never a content script.
 */
export function isExtensionPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === "string" && sender.url.startsWith(extensionOrigin);
}

/** Our content script in a tab's top frame (not a frame inside the page, not an extension page). */
export function isTopFrameContentScript(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && sender.tab?.id !== undefined && sender.frameId === 0 && !isExtensionPage(sender, extensionId, extensionOrigin);
}

/** Where scripting.executeScript puts a script: one document, or one frame of a tab. */
export type InjectionTarget = { tabId: number; documentIds: string[] } | { tabId: number; frameIds: number[] };

/**
 * Where the rest of the content script goes when content.js asks for it ("load-content"): into the very document
 * that asked, or, where the browser names no documents, into the tab's top frame (a document that navigated
 * meanwhile gets a script that finds no one waiting and does nothing: src/content/rest.ts). Only our content
 * script in a tab's top frame on an http(s) page asks; anything else gets nothing.
 */
export function injectionTarget(sender: Sender, extensionId: string, extensionOrigin: string): InjectionTarget | null {
  if (!isTopFrameContentScript(sender, extensionId, extensionOrigin) || !/^https?:\/\//.test(sender.url ?? "")) return null;
  const tabId = sender.tab!.id!;
  return typeof sender.documentId === "string" && sender.documentId !== "" ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [0] };
}

/**
 * At most `max` grants per key in any `windowMs`: tabs opened for one
 * source (a tab's content script, or our pages). A reader opens a full entry
 * now and then; a page that found a way to click for us is stopped.
 */
export function rateLimit(max: number, windowMs: number): (key: string, now: number) => boolean {
  const grants = new Map<string, number[]>();
  return (key, now) => {
    const recent = (grants.get(key) ?? []).filter((t) => now - t < windowMs);
    const allowed = recent.length < max;
    if (allowed) recent.push(now);
    if (recent.length > 0) grants.set(key, recent);
    else grants.delete(key);
    return allowed;
  };
}
