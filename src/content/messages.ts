import browser from "webextension-polyfill";
import { parseContentMessage, type ContentMessage } from "../shared/messages";
import type { MentionLine } from "../core/text/sentences";
import { counters, testProbe } from "./testing";

/** What the extension's messages act on, as the composition root holds it. */
export interface MessageTarget {
  /** The keyboard commands and "Show in page", on the session in place (if any). */
  step(direction: 1 | -1): void;
  show(entityId: string | null, text: string | null, nth: number | null): void;
  /** The sentence around each mention of a name (none without a session). */
  mentions(entityId: string | null, text: string | null): MentionLine[];
  toggleSite(): Promise<void>;
  scanAnyway(): Promise<void>;
  /** Tells the background again what this page holds, if it has read it. */
  reportAgain(): void;
  /** The day the reader set in the popup for this undated page (null: none). */
  setDate(date: string | null): Promise<void>;
  /** This instance's id in its document (see the background's "which-document"). */
  documentId: string;
  /** False once the instance is done (see backstory.ts). */
  alive(): boolean;
  onError(error: unknown): void;
}

async function handle(message: ContentMessage, target: MessageTarget): Promise<unknown> {
  switch (message.type) {
    case "command":
      if (message.command === "toggle-site") await target.toggleSite();
      else target.step(message.command === "next-name" ? 1 : -1);
      return undefined;
    case "scan-anyway":
      await target.scanAnyway();
      return undefined;
    case "set-date":
      await target.setDate(message.date);
      return undefined;
    case "show-mention":
      target.show(message.entityId, message.text, message.nth);
      return undefined;
    case "get-mentions":
      return target.mentions(message.entityId, message.text);
    case "which-document":
      if (__BACKSTORY_TEST__) counters.documentAsked += 1;
      return target.documentId;
    case "read-page":
      // This instance reads the page already: it reports what it holds again, or what it finds when done.
      target.reportAgain();
      return undefined;
    case "test-card":
      return __BACKSTORY_TEST__ ? testProbe() : undefined;
  }
}

/** A runtime.onMessage listener: the reply's promise, or undefined for a message this instance does not answer. */
type Receiver = (raw: unknown, sender: browser.Runtime.MessageSender) => Promise<unknown> | undefined;

/** Takes messages from the background and our pages; returns the unsubscribe. */
export function listenToExtension(target: MessageTarget): { stop(): void } {
  const listener: Receiver = (raw, sender) => {
    // Only our own background and pages (content scripts cannot message tabs): never another extension, never the page.
    if (sender.id !== browser.runtime.id || !target.alive()) return undefined;
    const message = parseContentMessage(raw);
    return message ? handle(message, target).catch(target.onError) : undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return { stop: () => browser.runtime.onMessage.removeListener(listener) };
}
