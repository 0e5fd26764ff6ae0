/**
 * npm run soak [-- --limit N] [--firefox N] [--jobs N] [--only REGEX]
 *
 * The robustness proof over real pages: every page of ../shared/corpus/ (news-pages, readability
 * test pages, extraction benchmark) is loaded in headless Chromium with the built extension, and a
 * spread of them (50 by default) in Firefox ESR; each page is also loaded in the same browser
 * WITHOUT the extension, and the two runs are compared. Per browser it reports: pages loaded, errors
 * thrown by extension code, pages whose DOM or whose selected text differs from the run without the
 * extension (our card host, `<div data-backstory-host>`, removed before comparing), and network requests made only
 * in the run with the extension.
 *
 * How each figure is observed:
 * - Page JavaScript is disabled in both runs by serving every page with the header
 *   `Content-Security-Policy: script-src 'none'` (content scripts are not subject to the page's
 *   CSP), so that nondeterministic site scripts cannot cause false differences. Meta refresh tags
 *   are stripped when serving (both runs), so no page navigates away.
 * - Errors: 'pageerror' and console errors/warnings whose text, location or stack names a
 *   chrome-extension:// or moz-extension:// URL; in Chromium also the service worker's console,
 *   with error/unhandledrejection listeners added to it. Errors the content script catches and
 *   logs ("Backstory stood down") are counted apart. Page errors naming no URL (Firefox gives an
 *   unhandled rejection no stack) are listed as unattributed; with page scripts disabled there
 *   should be none.
 * - Network: every browser is given a sink HTTP proxy (127.0.0.1) that answers every non-local
 *   request at once with 502 and logs it, and the page server logs every request it gets; so every
 *   request any part of the browser makes (page, content script, background) is seen, whatever
 *   the browser reports. A request made in the run with the extension but not in the run without
 *   it, for the same page, is the extension's. In Chromium every request of the service worker
 *   (context 'request' with request.serviceWorker()) is counted too.
 * - DOM: document.documentElement.outerHTML after the extension has reported its page summary to
 *   the background (read from storage.session; at most 5 s), our card host removed.
 * - Selection: document.getSelection().selectAllChildren(document.body), then toString().
 * - When the two runs' DOM or selected text differ, both pages are read again after their load event
 *   and 500 ms; if they still differ, both are loaded again, and the second load's comparison counts
 *   (the first is kept in soak.json as `retried`): images failing to load at different moments
 *   change layout, and so the line breaks of the selected text. A difference the extension makes is
 *   there every time.
 *
 * Raw results: test-output/soak.json. Exits 1 when a must-be-0 figure is not 0.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CHROMIUM, FIREFOX } from "./lib/browsers";
import { CORPUS, corpusFolders, part, projectRoot, requireCorpus } from "./lib/corpus";
import type { SoakPage } from "./soak/serve";
import type { Result } from "./soak/observe";
import { soakChromium } from "./soak/chromium";
import { soakFirefox } from "./soak/firefox";

const OUTPUT = path.join(projectRoot, "test-output");

function corpusPages(): SoakPage[] {
  // Ids as the soak has always named them (its reports and --only use them).
  const prefix = { "news-article": "news-article", "news-not-article": "news-not-article", readability: "readability", extraction: "benchmark" } as const;
  const sources = corpusFolders(CORPUS).map((folder) => folder.map((p) => ({ id: `${prefix[p.group]}/${p.name}`, file: p.file })));
  // Interleaved, so that --limit samples every source.
  const pages: SoakPage[] = [];
  for (let i = 0; sources.some((s) => i < s.length); i++) for (const s of sources) if (i < s.length) pages.push(s[i]!);
  return pages;
}

function argValue(name: string): number | null {
  const i = process.argv.indexOf(name);
  if (i < 0) return null;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} wants a whole number`);
  return n;
}

interface Row {
  browser: string;
  pages: number;
  loaded: number;
  summaries: number;
  articles: number;
  painted: number;
  extensionErrors: number;
  standDowns: number;
  unattributed: number;
  domDiffs: number;
  selectionDiffs: number;
  extensionRequests: number;
  seconds: number;
}

function row(browser: string, results: Result[], ms: number): Row {
  return {
    browser,
    pages: results.length,
    loaded: results.filter((r) => r.loaded).length,
    summaries: results.filter((r) => r.summary).length,
    articles: results.filter((r) => r.summary?.isArticle).length,
    painted: results.filter((r) => r.painted > 0).length,
    extensionErrors: results.reduce((n, r) => n + r.extensionErrors.length, 0),
    standDowns: results.filter((r) => r.standDowns.length > 0).length,
    unattributed: results.reduce((n, r) => n + r.unattributedErrors.length, 0),
    domDiffs: results.filter((r) => r.domDiff).length,
    selectionDiffs: results.filter((r) => r.selectionDiff).length,
    extensionRequests: results.reduce((n, r) => n + r.extensionRequests.length, 0),
    seconds: Math.round(ms / 100) / 10,
  };
}

function table(rows: Row[]): string {
  const cols: [keyof Row, string][] = [
    ["browser", "browser"], ["loaded", "pages loaded"], ["summaries", "summaries"], ["articles", "articles"], ["painted", "pages marked"],
    ["extensionErrors", "extension errors (0)"], ["standDowns", "stood down"], ["unattributed", "unattributed errors"],
    ["domDiffs", "DOM diffs (0)"], ["selectionDiffs", "selection diffs (0)"], ["extensionRequests", "ext. requests (0)"], ["seconds", "time (s)"],
  ];
  const cells = rows.map((r) => cols.map(([k]) => (k === "loaded" ? `${r.loaded}/${r.pages}` : String(r[k]))));
  const widths = cols.map(([, h], i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((s, i) => s.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(cols.map(([, h]) => h)), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}

async function main(): Promise<void> {
  requireCorpus("soak", [part(".", "the corpus of saved pages")]);
  const limit = argValue("--limit");
  const all = corpusPages();
  const only = process.argv.indexOf("--only");
  const chosen = only < 0 ? all : all.filter((p) => new RegExp(process.argv[only + 1] ?? "").test(p.id));
  const pages = limit === null ? chosen : chosen.slice(0, limit);
  if (pages.length === 0) {
    console.log(`soak: the corpus at ${CORPUS} holds no pages; nothing to do.`);
    return;
  }
  const firefoxCount = Math.min(argValue("--firefox") ?? 50, pages.length);
  // An even spread over the (interleaved) list.
  const firefoxPages = firefoxCount === 0 ? [] : Array.from({ length: firefoxCount }, (_, k) => pages[Math.floor((k * pages.length) / firefoxCount)]!);
  console.log(`soak: ${pages.length} pages from ${CORPUS} in Chromium, ${firefoxPages.length} in Firefox ESR; page JavaScript disabled (CSP script-src 'none') in every run.`);

  const results: Result[] = [];
  const rows: Row[] = [];
  let done = 0;
  const progress = (r: Result) => {
    results.push(r);
    done += 1;
    const bad = r.extensionErrors.length + (r.domDiff ? 1 : 0) + (r.selectionDiff ? 1 : 0) + r.extensionRequests.length;
    if (bad > 0 || !r.loaded) console.log(`  ${r.browser} ${r.id}: ${!r.loaded ? `not loaded (${r.loadError}) ` : ""}${bad > 0 ? "PROBLEM (see soak.json)" : ""}`);
    else if (done % 50 === 0) console.log(`  ${done} pages done`);
  };
  if (!CHROMIUM) console.log("soak: no chromium installed; skipping Chromium");
  else {
    const ms = await soakChromium(pages, argValue("--jobs") ?? 3, progress);
    rows.push(row("chromium", results.filter((r) => r.browser === "chromium"), ms));
  }
  if (!FIREFOX) console.log("soak: no firefox-esr installed; skipping Firefox");
  else if (firefoxPages.length > 0) {
    const ms = await soakFirefox(firefoxPages, progress);
    rows.push(row("firefox", results.filter((r) => r.browser === "firefox"), ms));
  }

  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(path.join(OUTPUT, "soak.json"), JSON.stringify({ corpus: CORPUS, javascript: "disabled in every run by CSP script-src 'none'", rows, results }, null, 1));
  console.log();
  console.log(table(rows));
  console.log("\n(0) = must be 0. Raw results: test-output/soak.json");
  const failed = rows.some((r) => r.extensionErrors + r.domDiffs + r.selectionDiffs + r.extensionRequests > 0);
  if (failed) {
    console.log("soak: FAILED: a must-be-0 figure is not 0");
    process.exitCode = 1;
  }
}

await main();
