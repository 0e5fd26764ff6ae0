import type { Article } from "../core/article/detect";
import type { Backstory } from "./backstory";
import type { Verdict } from "./standby";
import { send } from "../shared/runtime";

/** What the rest of the content script (backstory.js, src/content/rest.ts) hands content.js once injected. */
export interface Rest {
  /** The settings and detection, for a page the gate let through (src/content/verdict.ts). */
  pastTheGate(doc: Document): Promise<Verdict | null>;
  /** `detected`: pastTheGate's verdict on this document, so the first read does not detect again. */
  startBackstory(doc: Document, detected?: Article | null): Backstory;
  standDown(error: unknown): void;
}

/**
 * Where the two scripts meet: a property of the content scripts' own global (Chromium's isolated world, Firefox's
 * sandbox), which the page's scripts cannot see. content.js sets it just before asking; backstory.js calls it once.
 */
export const REST_HOOK = "__backstoryRest";

type Hooked = Record<string, ((rest: Rest) => void) | undefined>;
let loading: Promise<Rest> | null = null;

/**
 * The rest of the content script, injected by the background into this frame on the first call
 * (docs/decisions/012); every later call gets the same. A failed load is tried again on the next call.
 */
export function loadRest(): Promise<Rest> {
  loading ??= new Promise<Rest>((resolve, reject) => {
    const g = globalThis as unknown as Hooked;
    g[REST_HOOK] = (rest) => {
      delete g[REST_HOOK];
      resolve(rest);
    };
    const failed = (error: unknown) => {
      delete g[REST_HOOK];
      loading = null;
      reject(error);
    };
    // The injected script has run when the background answers: a hook still in place means it never reached us.
    send({ type: "load-content" }).then((injected) => {
      if (g[REST_HOOK]) failed(new Error(injected ? "backstory.js did not start" : "backstory.js was not injected"));
    }, failed);
  });
  return loading;
}
