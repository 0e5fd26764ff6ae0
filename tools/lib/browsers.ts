// The installed browsers that the end-to-end tests, the bench, the soak and the parity check drive (Debian packages,
// see docs/testing.md; nothing downloads a browser), and the Chromium switches they all launch it with.
import { existsSync } from "node:fs";
import { chromium, type BrowserContext } from "playwright-core";
import puppeteer, { type Browser as PpBrowser } from "puppeteer-core";

export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
export const FIREFOX = ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find(existsSync);
/** The add-on id the Firefox build declares (build.mjs). */
export const FIREFOX_ID = "backstory@backstory.example";

/** No update checks, component downloads or first-run pages: nothing but the pages under test. */
export const QUIET_CHROMIUM = ["--disable-background-networking", "--disable-component-update", "--no-first-run"];

/** Loads the unpacked extension in `dir` (Playwright passes --disable-extensions by default; this overrides it). */
export const withExtension = (dir: string): string[] => [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];

type PersistentOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

export interface ChromiumLaunch extends Omit<PersistentOptions, "executablePath" | "args"> {
  /** An unpacked extension folder to load (dist/chrome, dist/test/chrome), or none. */
  extension?: string;
  /** More switches (a proxy, say). */
  args?: string[];
}

/** Chromium in a persistent context (extensions load only there) on `profile`. */
export function launchChromium(profile: string, options: ChromiumLaunch = {}): Promise<BrowserContext> {
  const { extension, args = [], ...rest } = options;
  return chromium.launchPersistentContext(profile, { headless: true, ...rest, executablePath: CHROMIUM!, args: [...(extension ? withExtension(extension) : []), ...args, ...QUIET_CHROMIUM] });
}

export interface FirefoxLaunch {
  /** The moz-extension:// host our add-on gets, so extension pages can be opened by address. */
  uuid: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  userDataDir?: string;
  prefs?: Record<string, unknown>;
}

/** Firefox ESR over WebDriver BiDi (puppeteer-core); install the add-on with `installExtension` on what it returns. */
export function launchFirefox(options: FirefoxLaunch): Promise<PpBrowser> {
  return puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX!,
    headless: options.headless ?? true,
    defaultViewport: options.viewport ?? { width: 1200, height: 900 },
    // Lets BiDi navigate to moz-extension:// pages (the popup, the options).
    args: ["--remote-allow-system-access"],
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    extraPrefsFirefox: { "extensions.webextensions.uuids": JSON.stringify({ [FIREFOX_ID]: options.uuid }), ...options.prefs },
  });
}
