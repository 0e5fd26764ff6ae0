import { mayBeArticle } from "../core/article/gate";
import type { Article } from "../core/article/detect";
import { standBy, type Verdict } from "./standby";
import { loadRest } from "./load";

/**
 * content.js, the script every page loads: only HTML documents in the top frame (not XML, XHTML included: our
 * host element needs an HTML document; not frames: the article is in the top document). It holds the gate
 * (src/core/article/gate.ts) and a page's standing by (src/content/standby.ts), and nothing else, so that a page
 * the gate stops parses and runs little. Past the gate, the background injects the rest (backstory.js,
 * src/content/rest.ts): the settings (a site switched off is not detected) and detection (src/content/verdict.ts);
 * on an article, a site switched off (the rest reports it off and waits for the switch), or when the reader asks,
 * the composition root (src/content/backstory.ts, with the text map, painting, the card) starts from that verdict.
 * A page the gate stops, or one detection finds no article on, stands by (docs/decisions/010, 012, 013, 014).
 */
const start = (detected?: Article) =>
  loadRest().then(({ startBackstory, standDown }) => {
    try {
      return startBackstory(document, detected);
    } catch (error) {
      standDown(error);
      return null;
    }
  });
const past = () => loadRest().then(({ pastTheGate }) => pastTheGate(document));
/** What the page is now: null to stand by, else what the rest starts from. */
const look = (): Promise<Verdict | null> => (mayBeArticle(document) ? past() : Promise.resolve(null));

if (document.contentType === "text/html" && document.body && window.top === window) {
  try {
    // The gate runs at once; a page it stops stands by in the same task, with no promise to wait for.
    if (!mayBeArticle(document)) standBy(document, start, look);
    else {
      past()
        .then(
          (verdict) => {
            if (verdict) return start(verdict.detected);
            standBy(document, start, look);
            return null;
          },
          (error: unknown) => {
            // The rest could not be loaded: the page stands by, and the reader's next ask tries again.
            standBy(document, start, look);
            throw error;
          },
        )
        .catch((error: unknown) => console.debug("Backstory stood down on this page:", error));
    }
  } catch (error) {
    // The gate threw: the page is left as it is.
    console.debug("Backstory stood down on this page:", error);
  }
}
