// The soak in Chromium: the extension in one persistent context, the baseline in a second one, side by side;
// JOBS pages at a time, each job slot with its own page server port, so that the background's
// per-tab summary (which names the host, port included) tells which slot a summary belongs to.
import type { BrowserContext, Page as PwPage, Request, Worker } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launchChromium } from "../lib/browsers";
import { projectRoot } from "../lib/corpus";
import { pageHtml, pageServer, sinkProxy, type Log, type SoakPage } from "./serve";
import { compare, emptySnapshot, EXTENSION_URL, loadAndRead, LOAD_EVENT, LOAD_TIMEOUT_MS, newestSummary, noteConsole, notePageError, ourOrigin, probePage, reread, settle, type Opened, type PageDriver, type Result, type Snapshot } from "./observe";

export async function soakChromium(pages: SoakPage[], jobs: number, onResult: (r: Result) => void): Promise<number> {
  const started = Date.now();
  const discard: Log = { current: [] };
  const slots = await Promise.all(Array.from({ length: jobs }, async () => ({ ext: await pageServer(pages, { current: [] }), base: await pageServer(pages, { current: [] }), lastTab: 0 })));
  // The sinks only make every non-local request fail at once; the requests compared are the browser's request events.
  const extSink = await sinkProxy(discard);
  const baseSink = await sinkProxy(discard);
  const ext = path.join(projectRoot, "dist/chrome");
  const profile = mkdtempSync(path.join(tmpdir(), "backstory-soak-"));
  const baseProfile = mkdtempSync(path.join(tmpdir(), "backstory-soak-base-"));
  const viewport = { width: 1200, height: 900 };
  const ctx: BrowserContext = await launchChromium(profile, { extension: ext, viewport, args: [`--proxy-server=http://127.0.0.1:${extSink.port}`] });
  // The baseline is a persistent context too: an off-the-record context preconnects differently.
  const baseCtx: BrowserContext = await launchChromium(baseProfile, { viewport, args: [`--proxy-server=http://127.0.0.1:${baseSink.port}`] });

  // The service worker: its console, its uncaught errors, its requests (all counted, whichever page is open).
  const inFlight = new Set<Snapshot>();
  const background = (line: string) => {
    for (const snap of inFlight) snap.extensionErrors.push(line);
    if (inFlight.size === 0) backgroundOutside.push(line);
  };
  const backgroundOutside: string[] = [];
  const watchWorker = (w: Worker) => {
    w.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") background(`service worker console.${m.type()}: ${m.text()}`);
    });
    void w.evaluate(() => {
      self.addEventListener("error", (e) => console.error(`uncaught: ${e.message} at ${e.filename}:${e.lineno}`));
      self.addEventListener("unhandledrejection", (e) => console.error(`unhandled rejection: ${String((e.reason as Error)?.stack ?? e.reason)}`));
    }).catch(() => undefined);
  };
  let worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
  ourOrigin(`chrome-extension://${new URL(worker.url()).host}`); // (URL.origin is "null" for this scheme)
  watchWorker(worker);
  ctx.on("serviceworker", (w) => {
    worker = w;
    watchWorker(w);
  });
  const swRequests: string[] = [];
  ctx.on("request", (r: Request) => {
    if (!r.serviceWorker()) return;
    const line = `SW ${r.method()} ${r.url()}`;
    if (inFlight.size === 0) swRequests.push(line);
    for (const snap of inFlight) snap.attributed.push(line);
  });
  for (const p of [...ctx.pages(), ...baseCtx.pages()]) await p.close();

  /**
   * Loads page `index` and reads it once `ready` resolves: the run with the extension waits for its
   * summary and then calls setReady; the run without it waits for that, so both are read after the
   * same time. The caller closes both pages once both are read.
   */
  const open = async (slot: (typeof slots)[number], withExtension: boolean, index: number, ready: Promise<unknown>, setReady: () => void): Promise<Opened> => {
    const t0 = Date.now();
    const snap: Snapshot = emptySnapshot();
    const context = withExtension ? ctx : baseCtx;
    const base = withExtension ? slot.ext.base : slot.base.base;
    if (withExtension) inFlight.add(snap);
    const page: PwPage = await context.newPage();
    page.on("request", (r) => {
      if (/^https?:/.test(r.url())) snap.requests.push(`${r.method()} ${r.url().replace(/^http:\/\/127\.0\.0\.1:\d+/, "local:")}`);
    });
    if (withExtension) {
      // The initiator of each request: a stack in extension code means the extension asked for it.
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      cdp.on("Network.requestWillBeSent", (e) => {
        const initiator = JSON.stringify(e.initiator);
        if (EXTENSION_URL.test(initiator) || EXTENSION_URL.test(e.documentURL ?? "")) snap.attributed.push(`${e.request.method} ${e.request.url} (initiator ${initiator.slice(0, 300)})`);
      });
    }
    page.on("pageerror", (e) => notePageError(snap, e));
    page.on("console", (m) => noteConsole(snap, m.type(), m.location().url, m.text()));
    const driver: PageDriver = {
      goto: (url) => page.goto(url, { waitUntil: LOAD_EVENT, timeout: LOAD_TIMEOUT_MS }),
      loaded: () => page.waitForLoadState("load", { timeout: 5_000 }),
      probe: () => page.evaluate(probePage),
    };
    const host = new URL(base).host;
    const summary = withExtension ? () => worker.evaluate(newestSummary, { after: slot.lastTab, host }) : null;
    const found = await loadAndRead(snap, driver, `${base}/p/${index}/page.html`, t0, summary, ready, setReady);
    if (found) slot.lastTab = found.tab;
    return {
      snap,
      reread: () => reread(snap, driver),
      close: async () => {
        await page.close().catch(() => undefined);
        inFlight.delete(snap);
      },
    };
  };

  let next = 0;
  await Promise.all(slots.map(async (slot) => {
    for (let i = next++; i < pages.length; i = next++) {
      let setReady = () => {};
      const ready = new Promise<void>((resolve) => (setReady = resolve));
      let [a, b] = await Promise.all([open(slot, true, i, Promise.resolve(), setReady), open(slot, false, i, ready, () => undefined)]);
      const reread = await settle(a, b);
      await Promise.all([a.close(), b.close()]);
      a.snap.reread = reread;
      if (a.snap.dom !== b.snap.dom || a.snap.selection !== b.snap.selection) {
        // Still different: load both again. A difference the extension makes is there every time;
        // one that comes and goes is the page's layout settling differently (see `retried`).
        const first = compare(pages[i]!.id, "chromium", a.snap, b.snap, "");
        let again = () => {};
        const readyAgain = new Promise<void>((resolve) => (again = resolve));
        [a, b] = await Promise.all([open(slot, true, i, Promise.resolve(), again), open(slot, false, i, readyAgain, () => undefined)]);
        await settle(a, b);
        await Promise.all([a.close(), b.close()]);
        a.snap.reread = true;
        a.snap.retried = { domDiff: first.domDiff, selectionDiff: first.selectionDiff };
      }
      onResult(compare(pages[i]!.id, "chromium", a.snap, b.snap, pageHtml(pages[i]!).toString("latin1")));
    }
  }));
  if (backgroundOutside.length + swRequests.length > 0) {
    // Errors and requests of the service worker while no page was open: counted on a line of their own.
    onResult({ ...compare("(service worker, between pages)", "chromium", { ...emptySnapshot(), loaded: true, extensionErrors: backgroundOutside, attributed: swRequests }, { ...emptySnapshot(), loaded: true }, ""), loaded: false });
  }
  await ctx.close();
  await baseCtx.close();
  for (const slot of slots) {
    slot.ext.server.close();
    slot.base.server.close();
  }
  extSink.server.close();
  baseSink.server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(baseProfile, { recursive: true, force: true });
  return Date.now() - started;
}
