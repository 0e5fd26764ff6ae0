// Static checks on the built extension (npm test builds before running these).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const dist = path.resolve(import.meta.dirname, "../../dist");
const manifest = (browser: string) => JSON.parse(readFileSync(path.join(dist, browser, "manifest.json"), "utf8"));

describe("the built extension", () => {
  it("contains no network API in any bundle", () => {
    for (const browser of ["chrome", "firefox"]) {
      for (const file of readdirSync(path.join(dist, browser)).filter((f) => f.endsWith(".js"))) {
        const source = readFileSync(path.join(dist, browser, file), "utf8");
        expect(source, `${browser}/${file}`).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|RTCPeerConnection/);
      }
    }
  });
  it("asks for no permission beyond storage, and no host permissions", () => {
    for (const browser of ["chrome", "firefox"]) {
      expect(manifest(browser).permissions).toEqual(["storage"]);
      expect(manifest(browser).host_permissions).toBeUndefined();
      expect(manifest(browser).content_security_policy.extension_pages).toContain("connect-src 'none'");
    }
  });
  it("has one manifest per browser", () => {
    expect(manifest("chrome").background).toEqual({ service_worker: "background.js" });
    const firefox = manifest("firefox");
    expect(firefox.background).toEqual({ scripts: ["background.js"] });
    expect(firefox.browser_specific_settings.gecko).toMatchObject({ id: "backstory@backstory.example", data_collection_permissions: { required: ["none"] } });
    expect(Number.parseFloat(firefox.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
  });
});
