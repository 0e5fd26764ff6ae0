import { mayBeArticle } from "../core/article/gate";
import { detectSteps, type Article } from "../core/article/detect";
import { loadSettings } from "../shared/settings-store";
import { marksOn } from "../shared/settings";
import { runInSlices } from "./scheduler";
import { standBy, type Verdict } from "./standby";
import { loadRest } from "./load";

/**
 * content.js, the script every page loads: only HTML documents in the top frame (not XML, XHTML included: our
 * host element needs an HTML document; not frames: the article is in the top document). It holds what runs
 * before a verdict: the gate (src/core/article/gate.ts), the settings (a site switched off is not detected),
 * detection, and a page's standing by (src/content/standby.ts). A page the gate stops, or one detection finds
 * no article on, stands by. On an article, on a site switched off (the rest reports it off and waits for the
 * switch), or when the reader asks, the background injects the rest (backstory.js: the composition root,
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

/** What the page is now: null to stand by, else what the rest starts from. The gate runs at once, the rest after. */
const look = async (): Promise<Verdict | null> => {
  if (!mayBeArticle(document)) return null;
  if (!marksOn(await loadSettings(), location.host)) return {};
  const article = await runInSlices(detectSteps(document), () => false);
  return article.isArticle ? { detected: article } : null;
};

const stoodDown = (error: unknown) => console.debug("Backstory stood down on this page:", error);

if (document.contentType === "text/html" && document.body && window.top === window) {
  look()
    .then(async (verdict) => {
      if (verdict) await start(verdict.detected);
      else standBy(document, start, look);
    })
    .catch(stoodDown);
}
