// The CLI's reading of a page against the browser's, for `npm run eval:parity` and tests/e2e/parity.test.ts.
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { parseDocument } from "./parse";
import { reading, type Reading } from "./reading";

export function cliReading(html: string): Reading {
  return reading(parseDocument(html));
}

/** Reads pages in a browser: each served at one address with every other request blocked; its own scripts run. */
export async function browserReader(browser: Browser, projectRoot: string): Promise<{ read: (html: string) => Promise<Reading>; close: () => Promise<void> }> {
  const source = `import { reading } from "./tools/lib/reading"; (globalThis as unknown as { __parityRead: () => unknown }).__parityRead = () => reading(document);`;
  const bundle = (await build({
    stdin: { contents: source, resolveDir: projectRoot, loader: "ts" }, bundle: true, format: "iife", platform: "browser",
    target: "es2022", write: false, logLevel: "silent",
  })).outputFiles[0]!.text;
  const context = await browser.newContext();
  const pageUrl = "http://parity.invalid/page.html";
  let html = "";
  await context.route("**/*", (route) => (route.request().url() === pageUrl ? route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }) : route.abort()));
  return {
    async read(page: string) {
      html = page;
      const tab = await context.newPage();
      try {
        await tab.goto(pageUrl, { waitUntil: "load", timeout: 30_000 });
        // A string is evaluated over the DevTools protocol: the page's Content-Security-Policy does not apply.
        return (await tab.evaluate(`${bundle}; globalThis.__parityRead()`)) as Reading;
      } finally {
        await tab.close();
      }
    },
    close: () => context.close(),
  };
}
