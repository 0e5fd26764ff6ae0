import { mayBeArticle } from "../core/article/gate";
import type { Article } from "../core/article/detect";
import { standBy, type Verdict } from "./standby";

/**
 * content.js, the script every page loads: only HTML documents in the top frame (not XML, XHTML included: our
 * host element needs an HTML document; not frames: the article is in the top document). It holds what runs
 * before a verdict: the gate (src/core/article/gate.ts), then (src/content/verdict.ts) the settings (a site
 * switched off is not detected) and detection, and a page's standing by (src/content/standby.ts). A page the
 * gate stops, or one detection finds no article on, stands by. On an article, on a site switched off (the rest
 * reports it off and waits for the switch), or when the reader asks, the background injects the rest
 * (backstory.js: the composition root, src/content/backstory.ts, with the text map, painting, the card), which
 * starts from this verdict (docs/decisions/010, 012).
 */
const past = () => import("./verdict");
const start = (detected?: Article) => past().then(({ startRest }) => startRest(document, detected));
/** What the page is now: null to stand by, else what the rest starts from. The gate runs at once. */
const look = (): Promise<Verdict | null> => (mayBeArticle(document) ? past().then(({ pastTheGate }) => pastTheGate(document)) : Promise.resolve(null));

if (document.contentType === "text/html" && document.body && window.top === window) {
  try {
    look()
      .then(async (verdict) => {
        if (!verdict) return standBy(document, start, look);
        // The rest could not be loaded: the page stands by, and the reader's next ask tries again.
        await start(verdict.detected).catch((error: unknown) => {
          standBy(document, start, look);
          throw error;
        });
      })
      .catch((error: unknown) => console.debug("Backstory stood down on this page:", error));
  } catch (error) {
    // The gate threw: the page is left as it is.
    console.debug("Backstory stood down on this page:", error);
  }
}
