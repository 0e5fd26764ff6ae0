import { render } from "preact";
import browser from "webextension-polyfill";
import { App } from "./App";

/** The tab the panel describes: `?tab=ID` when opened as a page, else the active tab. */
async function targetTab(params: URLSearchParams): Promise<number | null> {
  const param = Number(params.get("tab"));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const params = new URLSearchParams(location.search);
document.documentElement.lang = browser.i18n.getUILanguage();
void targetTab(params).then((tabId) => render(<App tabId={tabId} entity={params.get("entity")} />, document.getElementById("app")!));
