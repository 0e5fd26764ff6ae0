/**
 * Every message between the extension's contexts: one typed union, checked
 * where it is received (a page can be hostile; a message is data, not trust).
 */
import type { Briefing } from "../core/knowledge/briefing";
import type { EntityType } from "../core/knowledge/types";

export interface FoundEntity {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

/** What the content script found on a page: all the extension keeps about it. */
export interface PageSummary {
  isArticle: boolean;
  title: string | null;
  published: string | null;
  entities: FoundEntity[];
}

export type Message =
  | { type: "page-summary"; summary: PageSummary }
  | { type: "get-summary"; tabId: number }
  | { type: "get-briefing"; entityId: string; date: string | null };

export type Reply<M extends Message> = M extends { type: "get-summary" }
  ? PageSummary | null
  : M extends { type: "get-briefing" }
    ? Briefing | null
    : void;

const ENTITY_TYPES = new Set<unknown>(["person", "organization", "state"]);
const isString = (v: unknown, max = 500): v is string => typeof v === "string" && v.length <= max;
const isNullableString = (v: unknown, max = 500) => v === null || isString(v, max);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isDay = (v: unknown): v is string | null => v === null || (isString(v, 10) && /^\d{4}-\d{2}-\d{2}$/.test(v));

function isFoundEntity(v: unknown): v is FoundEntity {
  return isRecord(v) && isString(v.id, 100) && isString(v.name, 200) && ENTITY_TYPES.has(v.type) &&
    typeof v.count === "number" && Number.isInteger(v.count) && v.count > 0;
}

export function isPageSummary(v: unknown): v is PageSummary {
  return isRecord(v) && typeof v.isArticle === "boolean" && isNullableString(v.title, 1000) && isDay(v.published) &&
    Array.isArray(v.entities) && v.entities.length <= 2000 && v.entities.every(isFoundEntity);
}

/** The message, if `v` is one of ours in shape; otherwise null. */
export function parseMessage(v: unknown): Message | null {
  if (!isRecord(v)) return null;
  switch (v.type) {
    case "page-summary":
      return isPageSummary(v.summary) ? { type: v.type, summary: v.summary } : null;
    case "get-summary":
      return typeof v.tabId === "number" && Number.isInteger(v.tabId) && v.tabId >= 0 ? { type: v.type, tabId: v.tabId } : null;
    case "get-briefing":
      return isString(v.entityId, 100) && isDay(v.date) ? { type: v.type, entityId: v.entityId, date: v.date } : null;
    default:
      return null;
  }
}
