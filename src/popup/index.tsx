import { render } from "preact";
import browser from "webextension-polyfill";
import { App } from "./App";

/** The tab the panel describes: `?tab=ID` when opened as a page, else the active tab. */
async function targetTab(): Promise<number | null> {
  const param = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

void targetTab().then((tabId) => render(<App tabId={tabId} />, document.getElementById("app")!));
