import quirks from "./quirks.json";

/**
 * Per-site help for the detector, as data: a selector for the article body
 * where the generic scoring gets it wrong, and selectors for furniture inside
 * it. Empty unless a site needs it; the generic signals come first.
 */
export interface SiteQuirk {
  /** The host name, matching its subdomains too. */
  host: string;
  /** The element holding the article body. */
  body?: string;
  /** Elements inside the body that are not the article. */
  skip?: string;
}

export const SITE_QUIRKS: readonly SiteQuirk[] = quirks as SiteQuirk[];
