// The soak in Firefox: two browsers side by side, one with the extension installed, one without.
import type { Browser as PpBrowser } from "puppeteer-core";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { launchFirefox as launch } from "../lib/browsers";
import { projectRoot } from "../lib/corpus";
import { pageHtml, pageServer, sinkProxy, type Log, type SoakPage } from "./serve";
import { compare, emptySnapshot, loadAndRead, LOAD_EVENT, LOAD_TIMEOUT_MS, newestSummary, noteConsole, notePageError, ourOrigin, probePage, reread, settle, type Opened, type PageDriver, type Result, type Snapshot } from "./observe";

async function launchFirefox(sinkPort: number, uuid: string): Promise<PpBrowser> {
  return launch({
    uuid,
    prefs: {
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": sinkPort,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": sinkPort,
      "network.proxy.no_proxies_on": "",
      "network.proxy.allow_hijacking_localhost": false,
    },
  });
}

export async function soakFirefox(pages: SoakPage[], onResult: (r: Result) => void): Promise<number> {
  const started = Date.now();
  const extLog: Log = { current: [] };
  const baseLog: Log = { current: [] };
  const extServer = await pageServer(pages, extLog);
  const baseServer = await pageServer(pages, baseLog);
  const extSink = await sinkProxy(extLog);
  const baseSink = await sinkProxy(baseLog);
  const uuid = randomUUID();
  const [withExt, without] = await Promise.all([launchFirefox(extSink.port, uuid), launchFirefox(baseSink.port, randomUUID())]);
  ourOrigin(`moz-extension://${uuid}`);
  await withExt.installExtension(path.join(projectRoot, "dist/firefox"));
  // An extension page of ours, to read the background's per-tab summaries from.
  const probe = await withExt.newPage();
  probe.goto(`moz-extension://${uuid}/options.html`, { timeout: 0 }).catch(() => undefined);
  await probe.waitForFunction(() => location.protocol === "moz-extension:" && document.readyState === "complete", { timeout: 10_000, polling: 50 });
  let lastTab = (await probe.evaluate(() => (globalThis as unknown as { browser: { tabs: { getCurrent(): Promise<{ id: number }> } } }).browser.tabs.getCurrent())).id;

  const open = async (browser: PpBrowser, log: Log, base: string, index: number, withExtension: boolean, ready: Promise<unknown>, setReady: () => void): Promise<Opened> => {
    const t0 = Date.now();
    const snap: Snapshot = emptySnapshot();
    log.current = snap.requests;
    const page = await browser.newPage();
    page.on("pageerror", (e) => notePageError(snap, e as Error));
    page.on("console", (m) => noteConsole(snap, m.type(), [m.location().url ?? "", ...m.stackTrace().map((f) => f.url ?? "")].join(" "), m.text()));
    const driver: PageDriver = {
      goto: (url) => page.goto(url, { waitUntil: LOAD_EVENT, timeout: LOAD_TIMEOUT_MS }),
      loaded: () => page.waitForNavigation({ waitUntil: "load", timeout: 5_000 }),
      probe: () => page.evaluate(probePage),
    };
    const summary = withExtension ? () => probe.evaluate(newestSummary, { after: lastTab, host: null }) : null;
    const found = await loadAndRead(snap, driver, `${base}/p/${index}/page.html`, t0, summary, ready, setReady);
    if (found) lastTab = found.tab;
    return {
      snap,
      reread: () => reread(snap, driver),
      close: () => page.close().catch(() => undefined),
    };
  };

  for (let i = 0; i < pages.length; i++) {
    let setReady = () => {};
    const ready = new Promise<void>((resolve) => (setReady = resolve));
    let [a, b] = await Promise.all([
      open(withExt, extLog, extServer.base, i, true, Promise.resolve(), setReady),
      open(without, baseLog, baseServer.base, i, false, ready, () => undefined),
    ]);
    a.snap.reread = await settle(a, b);
    await Promise.all([a.close(), b.close()]);
    if (a.snap.dom !== b.snap.dom || a.snap.selection !== b.snap.selection) {
      const first = compare(pages[i]!.id, "firefox", a.snap, b.snap, "");
      let again = () => {};
      const readyAgain = new Promise<void>((resolve) => (again = resolve));
      const [a2, b2] = await Promise.all([
        open(withExt, extLog, extServer.base, i, true, Promise.resolve(), again),
        open(without, baseLog, baseServer.base, i, false, readyAgain, () => undefined),
      ]);
      await settle(a2, b2);
      await Promise.all([a2.close(), b2.close()]);
      a2.snap.reread = true;
      a2.snap.retried = { domDiff: first.domDiff, selectionDiff: first.selectionDiff };
      a2.snap.requests.unshift(...a.snap.requests);
      b2.snap.requests.unshift(...b.snap.requests);
      a = a2;
      b = b2;
    }
    onResult(compare(pages[i]!.id, "firefox", a.snap, b.snap, pageHtml(pages[i]!).toString("latin1"), i > 0 ? pageHtml(pages[i - 1]!).toString("latin1") : ""));
  }
  extLog.current = [];
  baseLog.current = [];
  await Promise.all([withExt.close(), without.close()]);
  for (const s of [extServer.server, baseServer.server, extSink.server, baseSink.server]) s.close();
  return Date.now() - started;
}
