import browser from "webextension-polyfill";
import type en from "../_locales/en/messages.json";

/** A key of the English catalogue; German (and any later locale) has the same keys (checked in tests). */
export type MessageKey = keyof typeof en;

/** The UI string for `key` in the browser's language, with $1… filled in. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}
