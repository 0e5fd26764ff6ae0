// The browsers the end-to-end tests, the soak and the parity evaluation drive: where they are installed and how the
// built extension goes into each (tests/e2e/browsers.ts wraps these for the tests; docs/testing.md).
import { existsSync } from "node:fs";
import { chromium, type BrowserContext } from "playwright-core";
import puppeteer, { type Browser as PpBrowser } from "puppeteer-core";

/** Debian's packages (.ci/run installs them); nothing downloads a browser. */
export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
export const FIREFOX = ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find(existsSync);
/** The add-on id build.mjs writes into the Firefox manifest. */
export const FIREFOX_ID = "backstory@backstory.example";

/** Switches that keep Chromium's own traffic and first-run pages out of what is observed. */
const QUIET_CHROMIUM = ["--disable-background-networking", "--disable-component-update", "--no-first-run"];

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
  // Playwright passes --disable-extensions by default; --disable-extensions-except overrides it.
  const load = extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : [];
  return chromium.launchPersistentContext(profile, { headless: true, ...rest, executablePath: CHROMIUM!, args: [...load, ...args, ...QUIET_CHROMIUM] });
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
