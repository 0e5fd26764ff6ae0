import type { Article } from "../core/article/detect";
import { detectSteps } from "../core/article/detect";
import { loadSettings } from "../shared/settings-store";
import { marksOn } from "../shared/settings";
import { runInSlices } from "./scheduler";
import { loadRest } from "./load";
import type { Verdict } from "./standby";

/**
 * What content.js does past the gate: the settings (a site switched off is not detected), detection, and starting
 * the rest. Imported dynamically by src/content/index.ts, so a page the gate stops never runs these modules'
 * top-level code (detection's tables, the date patterns): esbuild wraps a dynamically imported module of the same
 * bundle in a function run on first import (docs/decisions/010).
 */
export async function pastTheGate(doc: Document): Promise<Verdict | null> {
  if (!marksOn(await loadSettings(), doc.location.host)) return {};
  const article = await runInSlices(detectSteps(doc), () => false);
  return article.isArticle ? { detected: article } : null;
}

/** Loads the rest of the content script (backstory.js) and starts it from the verdict. */
export async function startRest(doc: Document, detected?: Article) {
  const { startBackstory, standDown } = await loadRest();
  try {
    return startBackstory(doc, detected);
  } catch (error) {
    standDown(error);
    return null;
  }
}
