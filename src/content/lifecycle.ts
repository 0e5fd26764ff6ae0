import browser from "webextension-polyfill";
import { CONTENT_PORT } from "../shared/runtime";

/**
 * Whether this content script still belongs to a running extension. After the
 * extension is reloaded, updated or removed, Chromium leaves the old script
 * running in open pages with its extension APIs dead (`runtime.id` is gone).
 */
export function contextValid(): boolean {
  try {
    return typeof browser.runtime?.id === "string";
  } catch {
    return false;
  }
}

/** How long after a port's disconnect the context is looked at again. */
const RECHECK_MS = 1000;

export interface ContextWatch {
  /** Opens the port again if the background went idle and closed it (called on the reader's activity). */
  touch(): void;
  close(): void;
}

/**
 * Calls `onGone` when the extension goes away under the page. A port to the
 * background disconnects at once when that happens. It also disconnects when
 * a Chromium service worker merely goes idle: then the context is still valid,
 * and the port is opened again on the reader's next activity (`touch`), not at
 * once, so an open tab does not keep waking the background.
 */
export function watchContext(onGone: () => void): ContextWatch {
  let port: browser.Runtime.Port | null = null;
  let closed = false;
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    try {
      const p = browser.runtime.connect({ name: CONTENT_PORT });
      p.onDisconnect.addListener(() => {
        if (port === p) port = null;
        if (closed) return;
        if (!contextValid()) return onGone();
        // Chromium disconnects the port a moment before it invalidates the context: look again shortly.
        recheck = setTimeout(() => {
          if (!closed && !contextValid()) onGone();
        }, RECHECK_MS);
      });
      port = p;
    } catch {
      onGone();
    }
  };
  connect();
  return {
    touch() {
      if (!port && !closed) connect();
    },
    close() {
      closed = true;
      clearTimeout(recheck);
      try {
        port?.disconnect();
      } catch {
        // Already gone with the extension.
      }
      port = null;
    },
  };
}
