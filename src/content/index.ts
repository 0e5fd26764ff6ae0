import { mayBeArticle } from "../core/article/gate";
import { detectSteps, type Article } from "../core/article/detect";
import { runInSlices } from "./scheduler";
import { standBy } from "./standby";
import { loadRest } from "./load";

/**
 * content.js, the script every page loads: only HTML documents in the top frame (not XML, XHTML included: our
 * host element needs an HTML document; not frames: the article is in the top document). It holds what runs
 * before a verdict: the gate (src/core/article/gate.ts), detection, and a page's standing by
 * (src/content/standby.ts). A page the gate stops, or one detection finds no article on, stands by. On an
 * article, or when the reader asks, the background injects the rest (backstory.js: the composition root,
 * src/content/backstory.ts, with the text map, painting, the card), which starts from this verdict
 * (docs/decisions/010, 012).
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

const stoodDown = (error: unknown) => console.debug("Backstory stood down on this page:", error);
const detect = () => runInSlices(detectSteps(document), () => false);
/** After the first verdict, how the page watch judges a change: an article now, by the same gate and detection. */
const articleNow = (): Promise<Article | null> => (mayBeArticle(document) ? detect().then((article) => (article.isArticle ? article : null)) : Promise.resolve(null));

if (document.contentType === "text/html" && document.body && window.top === window) {
  try {
    if (!mayBeArticle(document)) standBy(document, start, articleNow);
    else {
      detect()
        .then((article) => {
          if (article.isArticle) return start(article);
          standBy(document, start, articleNow);
          return null;
        })
        .catch(stoodDown);
    }
  } catch (error) {
    stoodDown(error);
  }
}
