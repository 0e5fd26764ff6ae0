import { useEffect, useMemo, useState } from "preact/hooks";
import type { PageSummary } from "../shared/messages";
import { send, sendToTab } from "../shared/runtime";
import { t } from "../shared/i18n";
import { marksOn, withSite, type Settings } from "../shared/settings";
import { loadSettings, saveSettings, watchSettings } from "../shared/settings-store";
import { watchSummary } from "../shared/summary-store";
import { PageView } from "./PageView";
import { useViews } from "./lazy";

type View = "page" | "timeline" | "search";

export interface PopupProps {
  tabId: number | null;
  /** An entity to open at once (the card's "Open full entry"). */
  entity: string | null;
}

/** The toolbar panel: the article in context. */
export function App({ tabId, entity }: PopupProps) {
  const [summary, setSummary] = useState<PageSummary | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [view, setView] = useState<View>("page");
  const [focus, setFocus] = useState<string | null>(entity);

  const refresh = () => {
    if (tabId === null) return setSummary(null);
    send({ type: "get-summary", tabId }).then((found) => {
      if (found) return setSummary(found);
      // No summary yet: a page the gate stopped before detection reads itself when asked (src/content/standby.ts), a
      // page being read reports when done; either report comes through watchSummary. No content script, no answer.
      return sendToTab(tabId, { type: "read-page" }).then(() => undefined, () => setSummary(null));
    }, () => setSummary(null));
  };
  useEffect(refresh, [tabId]);
  // The page's summary as the background stores it: after a settings change, a scan anyway, a navigation.
  useEffect(() => (tabId === null ? undefined : watchSummary(tabId, refresh)), [tabId]);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, [tabId]);

  // The knowledge views load once the summary is on screen (or at once for an entry opened by itself).
  const views = useViews(summary !== undefined || focus !== null);
  const date = summary?.published ?? null;
  const onPage = useMemo(() => new Set(summary?.entities.map((e) => e.id) ?? []), [summary]);
  const showInPage = (entityId: string | null, text: string | null) => {
    if (tabId !== null) void sendToTab(tabId, { type: "show-mention", entityId, text }).catch(() => undefined);
  };

  if (summary === undefined || (focus !== null && !views)) return <p class="muted">{t("popupReading")}</p>;
  if (focus !== null && views) {
    const { EntityPanel } = views;
    return <EntityPanel entityId={focus} date={date} onPage={onPage} onBack={() => setFocus(null)} onOpen={setFocus} onShowInPage={onPage.has(focus) ? showInPage : null} />;
  }
  return (
    <>
      <Header summary={summary} tabId={tabId} onScanned={refresh} />
      <nav class="views" role="tablist" aria-label="Backstory">
        {(["page", "timeline", "search"] as const).map((v) => (
          <button key={v} role="tab" id={`tab-${v}`} aria-selected={view === v} aria-controls={`view-${v}`} onClick={() => setView(v)}>
            {v === "page" ? t("tabPage") : v === "timeline" ? t("tabTimeline") : t("tabSearch")}
          </button>
        ))}
      </nav>
      <section id={`view-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
        {view === "page" && <PageView summary={summary} date={date} views={views} onOpen={setFocus} onShowInPage={showInPage} />}
        {view !== "page" && !views && <p class="muted">{t("popupReading")}</p>}
        {view === "timeline" && views && <views.TimelineView date={date} onPage={onPage} />}
        {view === "search" && views && <views.SearchView onOpen={setFocus} />}
      </section>
      {settings && summary && <Switches settings={settings} host={summary.host} />}
    </>
  );
}

function Header({ summary, tabId, onScanned }: { summary: PageSummary | null; tabId: number | null; onScanned(): void }) {
  if (summary === null) return <p class="muted" data-state="unreadable">{t("cannotScan")}</p>;
  if (!summary.marking) return <p class="muted" data-state="off">{summary.host}</p>;
  if (!summary.isArticle && !summary.forced) {
    return (
      <div class="header" data-state="no-article">
        <p class="muted">{t("noArticle")}</p>
        {tabId !== null && (
          <button type="button" onClick={() => void sendToTab(tabId, { type: "scan-anyway" }).then(onScanned, () => undefined)}>
            {t("scanAnyway")}
          </button>
        )}
      </div>
    );
  }
  return (
    <div class="header" data-state="article">
      <h1>{summary.title ?? t("untitled")}</h1>
      <p class="muted">{summary.published ? t("published", summary.published) : t("noDate")}</p>
    </div>
  );
}

function Switches({ settings, host }: { settings: Settings; host: string }) {
  return (
    <footer class="switches">
      <label>
        <input type="checkbox" checked={marksOn({ ...settings, paused: false }, host)} onChange={(e) => void saveSettings(withSite(settings, host, e.currentTarget.checked))} />
        {t("siteSwitch")}
      </label>
      <label>
        <input type="checkbox" checked={settings.paused} onChange={(e) => void saveSettings({ ...settings, paused: e.currentTarget.checked })} />
        {t("pauseAll")}
      </label>
      <a href="options.html" target="_blank">{t("optionsLink")}</a>
    </footer>
  );
}
