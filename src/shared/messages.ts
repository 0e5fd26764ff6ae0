/**
 * Every message between the extension's contexts: one typed union per
 * receiver, each checked where it is received (a page can be hostile; a
 * message is data, not trust).
 */
import type { Briefing } from "../core/knowledge/briefing";
import type { EntityType } from "../core/knowledge/types";
import type { FoundNames } from "../core/names-in-text";
import type { MentionLine } from "../core/text/sentences";
import { MAX_PAINTED_MARKS } from "./timings";

/** The most article text one find-names request carries; a longer page is read this far. */
export const MAX_TEXT_LENGTH = 4_000_000;

export interface FoundEntity {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

export interface FoundName {
  text: string;
  type: "person" | "organization";
  count: number;
}

/** What the content script found on a page: all the extension keeps about it. */
export interface PageSummary {
  /** The page's host, for the per-site switch. */
  host: string;
  /** False when marking is off for this site or paused: nothing was read. */
  marking: boolean;
  isArticle: boolean;
  /** The reader asked to scan a page that is not an article. */
  forced: boolean;
  title: string | null;
  /** The article's day: the page's own, else the one the reader set in the popup (the page showed none). */
  published: string | null;
  /** `published` is the reader's, not the page's. */
  dateSetByReader: boolean;
  entities: FoundEntity[];
  unknown: FoundName[];
}

export type Command = "next-name" | "previous-name" | "toggle-site";

/** Messages the background receives. */
export type BackgroundMessage =
  /** `document` names the content script's instance in its document, so a same-document navigation keeps the summary. */
  | { type: "page-summary"; summary: PageSummary; document: string }
  | { type: "get-briefing"; entityId: string; date: string | null }
  /** `date`: the article's (YYYY-MM-DD), for offices named without their holder ("the Ukrainian president"). */
  | { type: "find-names"; text: string; lang: string | null; date: string | null }
  | { type: "open-entry"; entityId: string }
  /** A content script keeps the day the reader set for its undated page (null: forget it) while the tab lives. */
  | { type: "reader-date"; date: string | null }
  /** A content script on an undated page asks whether the reader set a day for this page in this tab. */
  | { type: "get-reader-date" }
  /**
   * content.js, past its gate (or the reader asked): inject the rest of the content script (backstory.js, which
   * detects) into the asking frame. The answer: whether it was injected (docs/decisions/012, 013).
   */
  | { type: "load-content" };

/** Messages a content script receives, from the background or the popup. */
export type ContentMessage =
  | { type: "command"; command: Command }
  | { type: "scan-anyway" }
  /** Scrolls to a mention and flashes it: the next one after the last shown, or the `nth` (from 0) of that name. */
  | { type: "show-mention"; entityId: string | null; text: string | null; nth: number | null }
  /** The sentence around each mention of an entity (or unknown name), in the article's order: the full entry's "In this article". */
  | { type: "get-mentions"; entityId: string | null; text: string | null }
  /** The popup sets the day of an article whose page shows none (null: back to none). */
  | { type: "set-date"; date: string | null }
  /** Which document instance answers in the tab: the background asks on a tab's "loading" update. */
  | { type: "which-document" }
  /**
   * The popup, finding no summary for the tab: read the page now. A page the gate stopped before detection
   * (src/content/standby.ts) then runs it and reports; a page being read reports when done.
   */
  | { type: "read-page" }
  /** Test builds only (see src/content/testing.ts): the card's state, for the end-to-end tests. */
  | { type: "test-card" };

/** The session storage key of a tab's summary; shared by the background, which writes it, and the popup, which watches it. */
export const summaryKey = (tabId: number) => `tab:${tabId}`;

/** The session storage key of the day a reader set for the undated page in a tab. */
export const readerDateKey = (tabId: number) => `date:${tabId}`;

/** What the background stores under readerDateKey: one page per tab, its address without the fragment. */
export interface ReaderDate {
  page: string;
  date: string;
}

/** The page a reader's date belongs to: the address without its fragment (an anchor in the page is the same page). */
export const pageOf = (url: string): string => url.split("#")[0]!;

/** What the background stores under summaryKey. */
export interface StoredSummary {
  document: string;
  summary: PageSummary;
}

export type Reply<M extends BackgroundMessage> = M extends { type: "get-briefing" }
    ? Briefing | null
    : M extends { type: "find-names" }
      ? FoundNames | null
      : M extends { type: "get-reader-date" }
        ? string | null
        : M extends { type: "load-content" }
          ? boolean
          : void;

const ENTITY_TYPES = new Set<unknown>(["person", "organization", "state"]);
const NAME_TYPES = new Set<unknown>(["person", "organization"]);
const COMMANDS = new Set<unknown>(["next-name", "previous-name", "toggle-site"]);
const isString = (v: unknown, max = 500): v is string => typeof v === "string" && v.length <= max;
const isNullableString = (v: unknown, max = 500): v is string | null => v === null || isString(v, max);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const isDay = (v: unknown): v is string | null => v === null || (isString(v, 10) && /^\d{4}-\d{2}-\d{2}$/.test(v));
const isCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v > 0;
const isId = (v: unknown): v is string => isString(v, 100) && /^[a-z0-9-]+$/.test(v);
export const isDocumentId = (v: unknown): v is string => isString(v, 64) && /^[a-z0-9-]+$/.test(v);

export function isStoredSummary(v: unknown): v is StoredSummary {
  return isRecord(v) && isDocumentId(v.document) && isPageSummary(v.summary);
}

export function isReaderDate(v: unknown): v is ReaderDate {
  return isRecord(v) && isString(v.page, 10_000) && isString(v.date, 10) && isDay(v.date);
}

function isFoundEntity(v: unknown): v is FoundEntity {
  return isRecord(v) && isId(v.id) && isString(v.name, 200) && ENTITY_TYPES.has(v.type) && isCount(v.count);
}

function isFoundName(v: unknown): v is FoundName {
  return isRecord(v) && isString(v.text, 200) && NAME_TYPES.has(v.type) && isCount(v.count);
}

export function isPageSummary(v: unknown): v is PageSummary {
  return isRecord(v) && isString(v.host, 260) && typeof v.marking === "boolean" && typeof v.isArticle === "boolean" &&
    typeof v.forced === "boolean" && isNullableString(v.title, 1000) && isDay(v.published) && typeof v.dateSetByReader === "boolean" &&
    Array.isArray(v.entities) && v.entities.length <= 2000 && v.entities.every(isFoundEntity) &&
    Array.isArray(v.unknown) && v.unknown.length <= 2000 && v.unknown.every(isFoundName);
}

/** The message, if `v` is one the background takes; otherwise null. */
export function parseBackgroundMessage(v: unknown): BackgroundMessage | null {
  if (!isRecord(v)) return null;
  switch (v.type) {
    case "page-summary":
      return isPageSummary(v.summary) && isDocumentId(v.document) ? { type: v.type, summary: v.summary, document: v.document } : null;
    case "get-briefing":
      return isId(v.entityId) && isDay(v.date) ? { type: v.type, entityId: v.entityId, date: v.date } : null;
    case "open-entry":
      return isId(v.entityId) ? { type: v.type, entityId: v.entityId } : null;
    case "reader-date":
      return isDay(v.date) ? { type: v.type, date: v.date } : null;
    case "get-reader-date":
    case "load-content":
      return { type: v.type };
    case "find-names":
      // A page writes its own lang attribute: anything but a plain language tag counts as unknown, never as a refusal.
      return isString(v.text, MAX_TEXT_LENGTH)
        ? { type: v.type, text: v.text, lang: isString(v.lang, 20) && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(v.lang) ? v.lang : null, date: isDay(v.date) ? (v.date ?? null) : null }
        : null;
    default:
      return null;
  }
}

/** The most mentions of one name a get-mentions answer lists: no more are painted. */
export const MAX_MENTION_LINES = MAX_PAINTED_MARKS;

/** A content script's answer to get-mentions, or null when it is not one. */
export function parseMentionLines(v: unknown): MentionLine[] | null {
  if (!Array.isArray(v) || v.length > MAX_MENTION_LINES) return null;
  const ok = v.every((l) => isRecord(l) && isString(l.before, 1000) && isString(l.name, 200) && isString(l.after, 1000));
  return ok ? v.map((l: MentionLine) => ({ before: l.before, name: l.name, after: l.after })) : null;
}

const isOffset = (v: unknown, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max;

/**
 * The background's answer to find-names, checked against the text it was
 * asked about: ranges inside it, in order, each text what the range holds.
 */
export function parseFoundNames(v: unknown, text: string): FoundNames | null {
  if (!isRecord(v) || !Array.isArray(v.mentions) || !Array.isArray(v.unknown)) return null;
  const range = (r: Record<string, unknown>) =>
    isOffset(r.start, text.length) && isOffset(r.end, text.length) && r.start < r.end && r.text === text.slice(r.start, r.end);
  const mentions = v.mentions.every((m) => isRecord(m) && range(m) && isId(m.entityId) && isString(m.name, 200) && ENTITY_TYPES.has(m.type) && (m.office === undefined || isId(m.office)));
  const unknown = v.unknown.every((u) => isRecord(u) && range(u) && NAME_TYPES.has(u.type) && (u.about === undefined || isString(u.about, 200)));
  return mentions && unknown ? (v as unknown as FoundNames) : null;
}

/** The message, if `v` is one a content script takes; otherwise null. */
export function parseContentMessage(v: unknown): ContentMessage | null {
  if (!isRecord(v)) return null;
  switch (v.type) {
    case "command":
      return COMMANDS.has(v.command) ? { type: v.type, command: v.command as Command } : null;
    case "scan-anyway":
    case "which-document":
    case "read-page":
      return { type: v.type };
    case "test-card":
      // Only a test build answers it (see src/content/testing.ts); what ships does not know the message.
      return __BACKSTORY_TEST__ ? { type: v.type } : null;
    case "set-date":
      return isDay(v.date) ? { type: v.type, date: v.date } : null;
    case "show-mention":
    case "get-mentions": {
      if (!((v.entityId === null || isId(v.entityId)) && isNullableString(v.text, 200) && (v.entityId !== null || v.text !== null))) return null;
      if (v.type === "get-mentions") return { type: v.type, entityId: v.entityId, text: v.text };
      const nth = v.nth ?? null;
      return nth === null || isOffset(nth, MAX_MENTION_LINES) ? { type: v.type, entityId: v.entityId, text: v.text, nth } : null;
    }
    default:
      return null;
  }
}
