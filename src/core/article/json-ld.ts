/**
 * A JSON-LD script element. On its own so the gate before detection
 * (gate.ts) can use it without loading metadata.ts, whose tables every page
 * would then build at start-up.
 */
export function isJsonLd(el: Element): boolean {
  return el.localName === "script" && el.getAttribute("type")?.trim().toLowerCase() === "application/ld+json";
}
