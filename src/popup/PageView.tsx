import { useState } from "preact/hooks";
import { isDay, type FoundEntity, type PageSummary } from "../shared/messages";
import { t } from "../shared/i18n";
import type { Views } from "./lazy";

interface PageViewProps {
  summary: PageSummary | null;
  date: string | null;
  /** The knowledge views, null while their chunk loads: the list shows at once, an entry once they are there. */
  views: Views | null;
  onOpen(entityId: string): void;
  onShowInPage(entityId: string | null, text: string | null): void;
  /** Sets the day of an article whose page shows none (null: back to none). */
  onSetDate(day: string | null): void;
}

/** Everyone the article names, by kind, most mentioned first. */
export function PageView({ summary, date, views, onOpen, onShowInPage, onSetDate }: PageViewProps) {
  // A page that is not an article (and was not scanned anyway) has its one message in the header.
  if (!summary || !summary.marking || (!summary.isArticle && !summary.forced)) return null;
  const people = summary.entities.filter((e) => e.type === "person");
  const organizations = summary.entities.filter((e) => e.type === "organization");
  const setter = summary.published === null || summary.dateSetByReader ? <DateSetter summary={summary} onSetDate={onSetDate} /> : null;
  if (summary.entities.length === 0 && summary.unknown.length === 0) return <>{setter}<p class="muted">{t("noNames")}</p></>;
  return (
    <>
      {setter}
      <EntityList title={t("people")} entities={people} date={date} views={views} onOpen={onOpen} onShowInPage={onShowInPage} />
      <EntityList title={t("organizations")} entities={organizations} date={date} views={views} onOpen={onOpen} onShowInPage={onShowInPage} />
      {summary.unknown.length > 0 && (
        <details class="unknown">
          <summary>{t("unknownNames", summary.unknown.length)}</summary>
          <ul>
            {summary.unknown.map((u) => (
              <li key={u.text} data-unknown={u.text}>
                <span class="who">
                  <span class="name">{u.text}</span>
                  <span class="muted"> · {u.type === "organization" ? t("kindUnknownOrganization") : t("kindUnknownPerson")}</span>
                </span>
                <span class="count" aria-label={t("mentions", u.count)}>{u.count}</span>
                <button type="button" class="link" onClick={() => onShowInPage(null, u.text)}>{t("showInPage")}</button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** The page shows no date: the reader can give the article's day, which the cards and this panel then follow. */
function DateSetter({ summary, onSetDate }: { summary: PageSummary; onSetDate(day: string | null): void }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form
      class="set-date"
      data-set-date
      onSubmit={(e) => {
        e.preventDefault();
        const day = (e.currentTarget.elements.namedItem("article-date") as HTMLInputElement | null)?.value ?? "";
        if (day !== "" && isDay(day)) onSetDate(day);
      }}
    >
      <label for="article-date">{t("setDateLabel")}</label>{" "}
      <input id="article-date" name="article-date" type="date" max={today} required defaultValue={summary.dateSetByReader ? summary.published ?? "" : ""} aria-describedby="set-date-help" />{" "}
      <button type="submit">{t("setDate")}</button>
      {summary.dateSetByReader && (
        <>
          {" "}
          <button type="button" data-clear-date onClick={() => onSetDate(null)}>{t("clearDate")}</button>
        </>
      )}
      <p class="muted" id="set-date-help">{t("setDateHelp")}</p>
    </form>
  );
}

function EntityList({ title, entities, date, views, onOpen, onShowInPage }: { title: string; entities: FoundEntity[] } & Omit<PageViewProps, "summary" | "onSetDate">) {
  const [open, setOpen] = useState<string | null>(null);
  if (entities.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {entities.map((e) => (
          <li key={e.id} data-entity={e.id}>
            <button class="row" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
              <span class="name">{e.name}</span>
              <span class="count" aria-label={t("mentions", e.count)}>{e.count}</span>
            </button>
            {open === e.id && views && <views.EntityDetail entityId={e.id} date={date} onOpen={onOpen} onShowInPage={onShowInPage} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
