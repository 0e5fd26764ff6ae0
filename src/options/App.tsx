import { useEffect, useRef, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { t, type MessageKey } from "../shared/i18n";
import { HOVER_DELAY_RANGE, parseSettings, withSite, type MarkKind, type MarkStyle, type Settings } from "../shared/settings";
import { loadSettings, saveSettings, watchSettings } from "../shared/settings-store";

const STYLES: [MarkStyle, MessageKey][] = [["underline", "markUnderline"], ["tint", "markTint"], ["hover", "markHover"]];
const KINDS: [MarkKind, MessageKey][] = [["person", "kindsPeople"], ["organization", "kindsOrganizations"], ["unknown", "kindsUnknown"]];

/** The options page: every change is saved at once and applies live in open tabs. */
export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [commands, setCommands] = useState<browser.Commands.Command[]>([]);
  const [site, setSite] = useState("");
  /** Why the last change was not saved, until a change is. */
  const [failure, setFailure] = useState<string | null>(null);
  /** Saves of this page not yet done: meanwhile the storage's news are this page's own, and older than what it shows. */
  const pending = useRef(0);
  /** Saves of this page begun: a read that one began after is older than what the page shows, and is dropped. */
  const begun = useRef(0);
  /**
   * Shows what is stored, read when no save is pending. A read that a save overtook is dropped: shown, it undid the
   * last change on the page, and the next change then saved the page without it (sites added in quick succession).
   */
  const reload = () => {
    const at = begun.current;
    void loadSettings().then((stored) => {
      if (pending.current === 0 && begun.current === at) setSettings(stored);
    });
  };
  useEffect(() => {
    void loadSettings().then(setSettings);
    void browser.commands.getAll().then(setCommands, () => setCommands([]));
    return watchSettings(() => {
      if (pending.current === 0) reload();
    });
  }, []);
  if (!settings) return null;
  const save = (next: Settings) => {
    const valid = parseSettings(next);
    setSettings(valid);
    pending.current += 1;
    begun.current += 1;
    saveSettings(valid)
      .then(
        () => setFailure(null),
        (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => {
        pending.current -= 1;
        // What is shown is what is stored: a change that failed is undone on the page too.
        if (pending.current === 0) reload();
      });
  };
  const addSite = (e: Event) => {
    e.preventDefault();
    const host = site.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
    if (host) save(withSite(settings, host, false));
    setSite("");
  };
  const shortcutsPage = navigator.userAgent.includes("Firefox") ? "about:addons → ⚙ → Manage Extension Shortcuts" : "chrome://extensions/shortcuts";
  return (
    <>
      <h1>{t("optionsTitle")}</h1>
      <p class="save-failed" role="alert" hidden={failure === null}>
        {failure === null ? "" : t("saveFailed", failure)}
      </p>
      <fieldset>
        <legend>{t("markStyle")}</legend>
        {STYLES.map(([value, label]) => (
          <label key={value} class="style-choice">
            <input type="radio" name="markStyle" value={value} checked={settings.markStyle === value} onChange={() => save({ ...settings, markStyle: value })} />
            {t(label)}
            <Preview style={value} />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("kinds")}</legend>
        {KINDS.map(([kind, label]) => (
          <label key={kind}>
            <input
              type="checkbox"
              name={`kind-${kind}`}
              checked={settings.kinds[kind]}
              onChange={(e) => save({ ...settings, kinds: { ...settings.kinds, [kind]: e.currentTarget.checked } })}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("markWhere")}</legend>
        <label>
          <input type="checkbox" name="everyMention" checked={settings.everyMention} aria-describedby="every-mention-help" onChange={(e) => save({ ...settings, everyMention: e.currentTarget.checked })} />
          {t("everyMention")}
        </label>
        <p class="muted" id="every-mention-help">{t("everyMentionHelp")}</p>
      </fieldset>
      <fieldset>
        <legend>
          <label for="hover-delay">{t("hoverDelay")}</label>
        </legend>
        <input
          id="hover-delay"
          type="number"
          name="hoverDelayMs"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={settings.hoverDelayMs}
          onChange={(e) => save({ ...settings, hoverDelayMs: Number(e.currentTarget.value) })}
          aria-describedby="hover-delay-help"
        />
        <p class="muted" id="hover-delay-help">{t("hoverDelayHelp")}</p>
      </fieldset>
      <fieldset>
        <legend>{t("disabledSites")}</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t("disabledNone")}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((host) => (
              <li key={host} data-site={host}>
                <span>{host}</span>
                <button type="button" onClick={() => save(withSite(settings, host, true))}>
                  {t("remove")}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={addSite}>
          <label for="add-site">{t("addSite")}</label>{" "}
          <input id="add-site" name="site" value={site} placeholder="www.example.com" onInput={(e) => setSite(e.currentTarget.value)} />{" "}
          <button type="submit">{t("add")}</button>
        </form>
      </fieldset>
      <fieldset>
        <legend>{t("shortcuts")}</legend>
        <ul class="shortcuts">
          {commands
            .filter((c) => c.name && c.description)
            .map((c) => (
              <li key={c.name}>
                {c.description}: <kbd>{c.shortcut || t("shortcutUnset")}</kbd>
              </li>
            ))}
        </ul>
        <p class="muted">{t("shortcutsHelp", shortcutsPage)}</p>
      </fieldset>
      <p class="muted">{t("privacyNote")}</p>
    </>
  );
}

/** A sample sentence marked in one style, as a page would show it (people, organizations, unknown names). */
function Preview({ style }: { style: MarkStyle }) {
  const parts = t("previewSentence", "\u0001", "\u0002", "\u0003").split(/([\u0001-\u0003])/);
  const names: Record<string, [string, MarkKind]> = { "\u0001": ["Sergei Lavrov", "person"], "\u0002": ["NATO", "organization"], "\u0003": ["Jane Doe", "unknown"] };
  return (
    <span class={`preview preview-${style}`} aria-hidden="true">
      {parts.map((part, i) => {
        const name = names[part];
        return name ? <span key={i} class={`m m-${name[1]}`}>{name[0]}</span> : part;
      })}
    </span>
  );
}
