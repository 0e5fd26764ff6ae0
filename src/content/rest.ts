import { startBackstory, standDown } from "./backstory";
import { REST_HOOK, type Rest } from "./load";
import { pastTheGate } from "./verdict";

/**
 * backstory.js: the rest of the content script (the settings, detection, the text map, painting, the hover card,
 * Preact), which the background injects into a frame whose content.js asked for it (src/content/load.ts,
 * docs/decisions/012, 013).
 * It starts nothing by itself: it hands its entry points to the content.js that is waiting for them. A second
 * injection into the same document, or one into a document that did not ask (it navigated meanwhile), finds no
 * hook and does nothing.
 */
const hook = (globalThis as unknown as Record<string, ((rest: Rest) => void) | undefined>)[REST_HOOK];
if (typeof hook === "function") hook({ pastTheGate, startBackstory, standDown });
