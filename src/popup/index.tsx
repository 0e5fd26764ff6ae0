import { render } from "preact";
import browser from "webextension-polyfill";
import { App } from "./App";
import { readSummary } from "../shared/summary-store";
import type { PageSummary } from "../shared/messages";

/** The tab the panel describes: `?tab=ID` when opened as a page, else the active tab. */
async function targetTab(params: URLSearchParams): Promise<number | null> {
  const param = Number(params.get("tab"));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const params = new URLSearchParams(location.search);
document.documentElement.lang = browser.i18n.getUILanguage();
// The tab's stored summary is read before the first render, so the first paint shows the page, not "Reading…".
void targetTab(params).then(async (tabId) => {
  const stored: PageSummary | null = tabId === null ? null : await readSummary(tabId).catch(() => null);
  render(<App tabId={tabId} entity={params.get("entity")} stored={stored} />, document.getElementById("app")!);
});
