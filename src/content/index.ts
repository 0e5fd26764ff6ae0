import { startBackstory, standDown } from "./backstory";

/**
 * The content script's entry: only HTML documents in the top frame (not XML,
 * XHTML included: our host element needs an HTML document; not frames: the
 * article is in the top document). Everything else is in the composition
 * root, src/content/backstory.ts.
 */
if (document.contentType === "text/html" && document.body && window.top === window) {
  try {
    startBackstory(document);
  } catch (error) {
    standDown(error);
  }
}
