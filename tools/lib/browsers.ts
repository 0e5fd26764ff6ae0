// The installed browsers that the end-to-end tests, the bench, the soak and the parity check drive (Debian packages,
// see docs/testing.md; nothing downloads a browser), and the Chromium switches they all launch it with.
import { existsSync } from "node:fs";

export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
export const FIREFOX = ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find(existsSync);
/** The add-on id the Firefox build declares (build.mjs). */
export const FIREFOX_ID = "backstory@backstory.example";

/** No update checks, component downloads or first-run pages: nothing but the pages under test. */
export const QUIET_CHROMIUM = ["--disable-background-networking", "--disable-component-update", "--no-first-run"];

/** Loads the unpacked extension in `dir` (Playwright passes --disable-extensions by default; this overrides it). */
export const withExtension = (dir: string): string[] => [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
