/**
 * What `import browser from "webextension-polyfill"` gives the content script (build.mjs aliases the package to this
 * file for content.js only): the browser's own API, without the polyfill's 10 KB on every page (docs/decisions/010).
 * Firefox's `browser` already speaks promises. Chrome's MV3 `chrome` does too (Chrome 99 on; the manifest asks
 * for 105), with two differences the polyfill smoothed and this keeps:
 * - a runtime.onMessage listener answers through `sendResponse`, not by returning a promise;
 * - runtime.sendMessage rejects when the receiver answers nothing; the polyfill resolved with undefined.
 * The background, popup and options keep the polyfill: they are not injected into pages.
 */
type Listener = (message: unknown, sender: unknown) => unknown;
type RawListener = (message: unknown, sender: unknown, sendResponse: (reply?: unknown) => void) => boolean;
interface RawEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
  hasListener(listener: L): boolean;
}
interface ChromeApi {
  runtime: { onMessage: RawEvent<RawListener>; sendMessage(message: unknown): Promise<unknown> };
}

const NO_ANSWER = "The message port closed before a response was received.";

/** Chrome's API with `runtime` wrapped, built on the first read of `runtime`: a page standing by never reads it. */
function fromChrome(chrome: ChromeApi): unknown {
  let runtime: unknown;
  // Reading chrome.runtime builds its bindings in the renderer, most of what a page standing by would pay (014).
  return new Proxy(chrome, { get: (target, key) => (key === "runtime" ? (runtime ??= wrapRuntime(chrome)) : Reflect.get(target, key)) });
}

function wrapRuntime(chrome: ChromeApi): unknown {
  const raws = new WeakMap<Listener, RawListener>();
  const onMessage: RawEvent<Listener> = {
    addListener(listener) {
      const raw: RawListener = (message, sender, sendResponse) => {
        const reply = listener(message, sender) as { then?: unknown } | undefined;
        if (typeof reply?.then !== "function") return false;
        (reply as Promise<unknown>).then(sendResponse, () => sendResponse(undefined));
        return true;
      };
      raws.set(listener, raw);
      chrome.runtime.onMessage.addListener(raw);
    },
    removeListener(listener) {
      const raw = raws.get(listener);
      if (raw) chrome.runtime.onMessage.removeListener(raw);
      raws.delete(listener);
    },
    hasListener: (listener) => raws.has(listener),
  };
  const sendMessage = (message: unknown) =>
    chrome.runtime.sendMessage(message).catch((error: unknown) => {
      if (error instanceof Error && error.message === NO_ANSWER) return undefined;
      throw error;
    });
  // Chrome's bindings must be called on their own objects: methods are bound, not inherited.
  return new Proxy(chrome.runtime, {
    get(target, key) {
      if (key === "onMessage") return onMessage;
      if (key === "sendMessage") return sendMessage;
      const value: unknown = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const g = globalThis as unknown as { browser?: unknown; chrome?: ChromeApi };
const api: unknown = g.browser ?? (g.chrome ? fromChrome(g.chrome) : undefined);
export default api;
