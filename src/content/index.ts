import { mayBeArticle } from "../core/article/gate";
import { standBy } from "./standby";

/**
 * The content script's entry: only HTML documents in the top frame (not XML,
 * XHTML included: our host element needs an HTML document; not frames: the
 * article is in the top document). A page the gate says cannot be an article
 * stands by (src/content/standby.ts); everything else is in the composition
 * root, src/content/backstory.ts.
 *
 * The root is imported dynamically: in this single-file bundle its modules'
 * top-level code (Preact, the polyfill, the card's styles, detection's tables)
 * then runs only when the root is needed, not on every page
 * (docs/decisions/010).
 */
const start = () => import("./backstory").then(({ startBackstory, standDown }) => {
  try {
    return startBackstory(document);
  } catch (error) {
    standDown(error);
    return null;
  }
});

if (document.contentType === "text/html" && document.body && window.top === window) {
  try {
    if (mayBeArticle(document)) void start();
    else standBy(document, start);
  } catch (error) {
    // The root's standDown would load the root: the message is the same.
    console.debug("Backstory stood down on this page:", error);
  }
}
