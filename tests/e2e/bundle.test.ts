// Static checks on the built extension (npm test builds before running these).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const dist = path.resolve(import.meta.dirname, "../../dist");
const manifest = (browser: string) => JSON.parse(readFileSync(path.join(dist, browser, "manifest.json"), "utf8"));

/** What every page loads: content.js, gzipped (the performance budget, docs/decisions/006, 012; backstory.js comes only on articles). */
const CONTENT_BUDGET_GZ = 30 * 1024;
const gzSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
/** Every script of a build, the popup's chunks (dist/BROWSER/chunks/) included, as paths relative to it. */
const scripts = (browser: string) => readdirSync(path.join(dist, browser), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js")).sort();

describe("the built extension", () => {
  it("keeps the content script every page loads within its budget, and prints every bundle's size", () => {
    const lines: string[] = [];
    for (const browser of ["chrome", "firefox"]) {
      for (const file of scripts(browser)) {
        const full = path.join(dist, browser, file);
        lines.push(`${browser}/${file}: ${(readFileSync(full).length / 1024).toFixed(1)} KB, ${(gzSize(full) / 1024).toFixed(1)} KB gzipped`);
      }
    }
    console.log(`bundle sizes (content.js, what every page loads: budget ${CONTENT_BUDGET_GZ / 1024} KB gzipped; backstory.js is injected past the gate):\n  ${lines.join("\n  ")}`);
    for (const browser of ["chrome", "firefox"]) {
      expect(gzSize(path.join(dist, browser, "content.js")), browser).toBeLessThanOrEqual(CONTENT_BUDGET_GZ);
      // The manifest's content script is content.js alone: the rest is not loaded on every page.
      expect(manifest(browser).content_scripts.map((c: { js: string[] }) => c.js)).toEqual([["content.js"]]);
    }
  });
  it("ships without the tests' view of the card: only the test build (dist/test/) has it", () => {
    for (const browser of ["chrome", "firefox"]) {
      // Names only src/content/testing.ts uses, and the test-only message's answer (the composition root, in backstory.js, answers it).
      for (const file of ["content.js", "backstory.js"]) expect(readFileSync(path.join(dist, browser, file), "utf8"), `${browser}/${file}`).not.toMatch(/documentAsked|shownAt|__backstoryLongestSlice/);
      expect(readFileSync(path.join(dist, "test", browser, "backstory.js"), "utf8"), `test/${browser}`).toMatch(/documentAsked/);
    }
  });
  it("contains no network API in any bundle", () => {
    for (const browser of ["chrome", "firefox"]) {
      for (const file of scripts(browser)) {
        const source = readFileSync(path.join(dist, browser, file), "utf8");
        expect(source, `${browser}/${file}`).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|RTCPeerConnection/);
      }
    }
  });
  it("asks for storage, and for scripting with the content script's own hosts (to inject backstory.js), nothing more", () => {
    for (const browser of ["chrome", "firefox"]) {
      expect(manifest(browser).permissions).toEqual(["storage", "scripting"]);
      // The same hosts the content script matches: Chromium shows no new warning for them (docs/decisions/012).
      expect(manifest(browser).host_permissions).toEqual(["http://*/*", "https://*/*"]);
      expect(manifest(browser).host_permissions).toEqual(manifest(browser).content_scripts[0].matches);
      // Nothing a page can load to learn that the extension is there (docs/decisions/009, 012).
      expect(manifest(browser).web_accessible_resources).toBeUndefined();
      expect(manifest(browser).content_security_policy.extension_pages).toContain("connect-src 'none'");
    }
  });
  it("has one manifest per browser", () => {
    expect(manifest("chrome").background).toEqual({ service_worker: "background.js" });
    const firefox = manifest("firefox");
    expect(firefox.background).toEqual({ scripts: ["background.js"] });
    expect(firefox.browser_specific_settings.gecko).toMatchObject({ id: "backstory@backstory.example", data_collection_permissions: { required: ["none"] } });
    expect(Number.parseFloat(firefox.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    // The Custom Highlight API arrived in Chrome 105 (docs/decisions/001).
    expect(manifest("chrome").minimum_chrome_version).toBe("105");
  });
});
