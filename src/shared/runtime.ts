import browser from "webextension-polyfill";
import type { Message, Reply } from "./messages";

/** Sends a message to the background and types its reply. */
export async function send<M extends Message>(message: M): Promise<Reply<M>> {
  return (await browser.runtime.sendMessage(message)) as Reply<M>;
}
