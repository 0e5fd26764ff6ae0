import { knowledge } from "../knowledge/index";
import { placeOnTimeline } from "../core/knowledge/timeline";
import type { TimelineEvent } from "../core/knowledge/types";
import { t } from "../shared/i18n";

/** The NATO–Russia timeline with the article's date placed on it. */
export function TimelineView({ date, onPage }: { date: string | null; onPage: Set<string> }) {
  const timeline = knowledge.timeline;
  const placed = date ? placeOnTimeline(timeline, date) : null;
  const item = (e: TimelineEvent, i: number) => {
    const involves = e.entities.some((id) => onPage.has(id));
    return (
      <li key={`${e.date}-${i}`} class={involves ? "event involves" : "event"} data-date={e.date}>
        <time dateTime={e.date}>{e.date}</time>
        {involves && <span class="dot" title={t("timelineInvolves")} aria-label={t("timelineInvolves")}>●</span>}
        <strong>{e.title}</strong>
        <span class="summary">{e.summary}</span>
        <a href={e.source.url} target="_blank" rel="noopener noreferrer" title={e.source.title}>{e.source.publisher}</a>
      </li>
    );
  };
  const marker = date && (
    <li class="article-date" data-article-date={date} key="article">
      {t("timelineArticle", date)}
    </li>
  );
  return (
    <div class="timeline">
      {placed && placed.near.length > 0 && (
        <section aria-label={t("timelineNear")}>
          <h2>{t("timelineNear")}</h2>
          <ol>
            {placed.near.filter((e) => e.date <= date!).map(item)}
            {marker}
            {placed.near.filter((e) => e.date > date!).map(item)}
          </ol>
        </section>
      )}
      <section aria-label={t("timelineAll")}>
        <h2>{t("timelineAll")}</h2>
        <ol>
          {timeline.slice(0, placed?.position ?? timeline.length).map(item)}
          {placed && marker}
          {placed && timeline.slice(placed.position).map(item)}
        </ol>
      </section>
    </div>
  );
}
