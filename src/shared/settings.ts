import { SHOW_DELAY_MS } from "./timings";

/**
 * The reader's settings: their shape, defaults and validation. Stored in
 * storage.sync, the sites list in storage.local (settings-store.ts); every field is checked on read, and a missing or corrupt
 * value falls back to its default, so a bad write can never break a page.
 */
export type MarkStyle = "underline" | "tint" | "hover";
export type MarkKind = "person" | "organization" | "unknown";

export interface Settings {
  /** How names are marked: a calm underline, a tinted background, or nothing until hovered. */
  markStyle: MarkStyle;
  /** Dwell before a card shows, in ms. */
  hoverDelayMs: number;
  kinds: Record<MarkKind, boolean>;
  /** Mark every mention, the headline's included, instead of each name's first in each section. */
  everyMention: boolean;
  /** Marking paused everywhere. */
  paused: boolean;
  /** Host names (e.g. "www.example.com") where marking is off. */
  disabledSites: string[];
}

export const HOVER_DELAY_RANGE = { min: 150, max: 2000 } as const;

export const DEFAULT_SETTINGS: Settings = {
  markStyle: "underline",
  hoverDelayMs: SHOW_DELAY_MS,
  kinds: { person: true, organization: true, unknown: true },
  everyMention: false,
  paused: false,
  disabledSites: [],
};

const MARK_STYLES = new Set<unknown>(["underline", "tint", "hover"]);
const HOST = /^[a-z0-9.-]{1,253}(?::\d{1,5})?$/;

/** Settings from whatever storage holds: each valid field kept, each invalid one defaulted. */
export function parseSettings(raw: unknown): Settings {
  const r = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const kinds = typeof r.kinds === "object" && r.kinds !== null ? (r.kinds as Record<string, unknown>) : {};
  const delay = r.hoverDelayMs;
  return {
    markStyle: MARK_STYLES.has(r.markStyle) ? (r.markStyle as MarkStyle) : DEFAULT_SETTINGS.markStyle,
    hoverDelayMs:
      typeof delay === "number" && Number.isFinite(delay) && delay >= HOVER_DELAY_RANGE.min && delay <= HOVER_DELAY_RANGE.max
        ? Math.round(delay)
        : DEFAULT_SETTINGS.hoverDelayMs,
    kinds: {
      person: typeof kinds.person === "boolean" ? kinds.person : DEFAULT_SETTINGS.kinds.person,
      organization: typeof kinds.organization === "boolean" ? kinds.organization : DEFAULT_SETTINGS.kinds.organization,
      unknown: typeof kinds.unknown === "boolean" ? kinds.unknown : DEFAULT_SETTINGS.kinds.unknown,
    },
    everyMention: typeof r.everyMention === "boolean" ? r.everyMention : DEFAULT_SETTINGS.everyMention,
    paused: typeof r.paused === "boolean" ? r.paused : DEFAULT_SETTINGS.paused,
    disabledSites: Array.isArray(r.disabledSites)
      ? [...new Set(r.disabledSites.filter((s): s is string => typeof s === "string" && HOST.test(s)))].slice(0, 1000)
      : DEFAULT_SETTINGS.disabledSites,
  };
}

/** Whether Backstory marks names on a page of this host. */
export function marksOn(settings: Settings, host: string): boolean {
  return !settings.paused && !settings.disabledSites.includes(host);
}

export function withSite(settings: Settings, host: string, enabled: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== host);
  return { ...settings, disabledSites: enabled ? others : [...others, host] };
}
