/**
 * How the extension wakes a page standing by (src/content/standby.ts), which listens for no message: the page
 * leaves a function on the content scripts' own global (Chromium's isolated world, Firefox's sandbox: the page's
 * scripts cannot see it), and a sender whose message found no listener calls it by scripting.executeScript, which
 * runs in that world, then sends again (src/shared/runtime.ts's askTab). Docs/decisions/014.
 */

/** The property of the content scripts' global that holds a standing-by page's wake. */
export const WAKE_HOOK = "__backstoryWake";

/** Starts Backstory in full on the page; true once it listens for messages. */
export type WakeHook = () => Promise<boolean>;

/**
 * Run in the tab by scripting.executeScript. It is sent as its source text, so it may use nothing from around it:
 * the hook's name comes as its argument. False where no page stands by (a page reading already, or none of ours).
 */
export function wakeInPage(hook: string): Promise<boolean> | boolean {
  const wake = (globalThis as unknown as Record<string, unknown>)[hook];
  return typeof wake === "function" ? (wake as WakeHook)() : false;
}

/** Run the same way: whether the tab's top frame stands by (for the bench and the end-to-end tests). */
export function standsByInPage(hook: string): boolean {
  return typeof (globalThis as unknown as Record<string, unknown>)[hook] === "function";
}
