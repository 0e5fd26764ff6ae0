import { render } from "preact";
import browser from "webextension-polyfill";
import { App } from "./App";

document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById("app")!);
