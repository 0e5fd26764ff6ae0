import { useEffect, useMemo, useState } from "preact/hooks";
import { parseMentionLines, type PageSummary } from "../shared/messages";
import { askTab, sendToTab, showTab } from "../shared/runtime";
import { t } from "../shared/i18n";
import { marksOn, withSite, type Settings } from "../shared/settings";
import { loadSettings, saveSettings, watchSettings } from "../shared/settings-store";
import { readSummary, watchSummary } from "../shared/summary-store";
import { PageView } from "./PageView";
import { useViews } from "./lazy";
import { dayLine } from "../shared/ui/BriefingBody";

type View = "page" | "timeline" | "search";

export interface PopupProps {
  tabId: number | null;
  /** An entity to open at once (the card's "Open full entry"). */
  entity: string | null;
  /** The tab's summary as stored when the popup opened (read before the first render, src/popup/index.tsx); null when none was. */
  stored: PageSummary | null;
}

/** The toolbar panel: the article in context. */
export function App({ tabId, entity, stored }: PopupProps) {
  // A stored summary is on screen in the first render; without one, "Reading…" until the page reports.
  const [summary, setSummary] = useState<PageSummary | null | undefined>(stored ?? (tabId === null ? null : undefined));
  const [settings, setSettings] = useState<Settings | null>(null);
  const [view, setView] = useState<View>("page");
  const [focus, setFocus] = useState<string | null>(entity);

  const show = (found: PageSummary | null) => {
    if (found) return setSummary(found);
    if (tabId === null) return setSummary(null);
    // No summary yet: a page the gate stopped before detection reads itself when asked (src/content/standby.ts), a
    // page being read reports when done; either report comes through watchSummary. No content script, no answer.
    return sendToTab(tabId, { type: "read-page" }).then(() => undefined, () => setSummary(null));
  };
  const refresh = () => {
    if (tabId === null) return setSummary(null);
    readSummary(tabId).then(show, () => setSummary(null));
  };
  // What index.tsx read before the first render is this tab's summary; none stored yet, the page is asked to read.
  useEffect(() => void (stored === null ? show(null) : undefined), [tabId]);
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
    if (tabId !== null) void sendToTab(tabId, { type: "show-mention", entityId, text, nth: null }).catch(() => undefined);
  };
  // From the full entry in a tab of its own: the article's tab comes forward at that mention.
  const showMention = (entityId: string, nth: number) => {
    if (tabId !== null) void sendToTab(tabId, { type: "show-mention", entityId, text: null, nth }).then(() => showTab(tabId), () => undefined);
  };
  const mentionsOf = async (entityId: string) =>
    tabId === null ? null : parseMentionLines(await askTab(tabId, { type: "get-mentions", entityId, text: null }).catch(() => null));
  // The page keeps the reader's day and reports its summary again: the popup follows that, as after any scan.
  const setDate = (day: string | null) => {
    if (tabId !== null) void sendToTab(tabId, { type: "set-date", date: day }).catch(() => undefined);
  };

  if (summary === undefined || (focus !== null && !views)) return <p class="muted">{t("popupReading")}</p>;
  if (focus !== null && views) {
    const { EntityPanel } = views;
    return (
      <EntityPanel
        entityId={focus}
        date={date}
        onPage={onPage}
        onBack={() => setFocus(null)}
        onOpen={setFocus}
        onShowInPage={onPage.has(focus) ? showInPage : null}
        title={summary?.title ?? null}
        mentionsOf={mentionsOf}
        onShowMention={showMention}
      />
    );
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
        {view === "page" && <PageView summary={summary} date={date} views={views} onOpen={setFocus} onShowInPage={showInPage} onSetDate={setDate} />}
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
      <p class="muted" data-date={summary.published === null ? "none" : summary.dateSetByReader ? "reader" : "page"}>
        {summary.published === null ? t("noDate") : summary.dateSetByReader ? t("dateYouSet", dayLine(summary.published)) : t("published", summary.published)}
      </p>
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
