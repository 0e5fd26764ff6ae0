import matcher from "backstory:matcher";
import { scanDocument } from "../core/scan";
import { paint } from "./paint";
import { startHover } from "./hover";
import { createCardHost } from "./card/host";
import { send } from "../shared/runtime";
import type { PageSummary } from "../shared/messages";
import type { Mention } from "../core/mentions/find";

/**
 * The content script: detect the article, find the names, paint them, offer
 * cards. Every failure stays here: a page is never broken by Backstory.
 */

function summarize(isArticle: boolean, title: string | null, published: string | null, mentions: Mention[]): PageSummary {
  const byId = new Map<string, PageSummary["entities"][number]>();
  for (const m of mentions) {
    const e = byId.get(m.entityId);
    if (e) e.count += 1;
    else byId.set(m.entityId, { id: m.entityId, name: m.name, type: m.type, count: 1 });
  }
  const entities = [...byId.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { isArticle, title: title?.slice(0, 1000) ?? null, published, entities };
}

function start(doc: Document): { destroy(): void } {
  const scan = scanDocument(doc, matcher);
  const { article } = scan;
  if (!scan.map || scan.mentions.length === 0) {
    void send({ type: "page-summary", summary: summarize(article.isArticle, article.title, article.published, []) }).catch(() => undefined);
    return { destroy() {} };
  }
  const painted = paint(doc, scan.map, scan.mentions);
  const summary = summarize(true, article.title, article.published, scan.mentions);
  const counts = new Map(summary.entities.map((e) => [e.id, e.count]));
  const card = createCardHost(doc);
  const hover = startHover(doc, {
    paint: painted,
    card,
    counts,
    briefing: (entityId) => send({ type: "get-briefing", entityId, date: article.published }),
  });
  void send({ type: "page-summary", summary }).catch(() => undefined);
  return {
    destroy() {
      hover.destroy();
      card.destroy();
      painted.destroy();
    },
  };
}

try {
  // Only real HTML pages: not XML documents, not frames (the article is in the top document).
  if (document.documentElement?.localName === "html" && window.top === window && document.body) start(document);
} catch (error) {
  console.debug("Backstory stood down on this page:", error);
}
