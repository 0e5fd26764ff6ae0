// The bench's page server: saved pages as the bench serves them, and the demo article for the popup timing.
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./config";
import { META_REFRESH } from "../lib/corpus";

// Pages are served as saved, minus <meta http-equiv=refresh>, under a policy that runs none of
// their scripts and loads nothing from elsewhere (the machine is offline; news-site scripts would
// pollute the timings). Extension content scripts and Playwright's evaluate are not subject to it.
// COOP+COEP make the page cross-origin isolated: performance.now() then has 5 µs resolution, not 100 µs.
export const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
  "cache-control": "no-store",
};
const { "cross-origin-opener-policy": _coop, "cross-origin-embedder-policy": _coep, ...PLAIN_HEADERS } = PAGE_HEADERS;

export const DEMO_TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };

export function startServer(html: Map<string, () => string>): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    // The demo article, for the popup timing: served as tools/serve.mjs does.
    const demo = /^\/demo\/([\w.-]*)$/.exec(pathname);
    if (demo) {
      const file = path.join(ROOT, "demo", demo[1] || "index.html");
      if (!existsSync(file)) return void res.writeHead(404).end();
      return void res.writeHead(200, { "content-type": DEMO_TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    }
    // /plain/…: the same page without COOP+COEP. Cross-origin isolation puts every navigation in a new renderer process
    // (no compiled code kept from the page before); without it, pages of one site share a process, as a reader's do.
    const plain = pathname.startsWith("/plain/");
    const get = html.get(plain ? pathname.slice("/plain".length) : pathname);
    if (!get) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    res.writeHead(200, plain ? PLAIN_HEADERS : PAGE_HEADERS).end(get().replace(META_REFRESH, ""));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    resolve({ server, base: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` });
  }));
}
