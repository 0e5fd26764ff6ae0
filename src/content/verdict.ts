import { detectSteps } from "../core/article/detect";
import { loadSettings } from "../shared/settings-store";
import { marksOn } from "../shared/settings";
import { runInSlices } from "./scheduler";
import type { Verdict } from "./standby";

/**
 * What follows a page the gate let through: the settings (a site switched off is not detected), then detection. In
 * backstory.js, with the rest (src/content/rest.ts hands it to content.js): content.js, which every page loads and
 * parses, holds the gate and the standing by alone (docs/decisions/013). Null: no article, the page stands by.
 */
export async function pastTheGate(doc: Document): Promise<Verdict | null> {
  if (!marksOn(await loadSettings(), doc.location.host)) return {};
  // A page that is no article stands by and keeps nothing of this look: its headline and date are not read.
  const article = await runInSlices(detectSteps(doc, { verdictOnly: true }), () => false);
  return article.isArticle ? { detected: article } : null;
}
