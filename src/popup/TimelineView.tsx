import { useMemo, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { knowledge } from "../knowledge/index";
import { byYear, filterTimeline, involvesPage, timelineSubjects, type TimelineFilter } from "../core/knowledge/timeline";
import { startDay } from "../core/knowledge/dates";
import { dayInYear } from "../core/date-lines";
import type { TimelineEvent } from "../core/knowledge/types";
import { t, type MessageKey } from "../shared/i18n";

const FILTERS: [TimelineFilter, MessageKey][] = [["around", "filterAround"], ["since", "filterSince"], ["page", "filterPage"], ["all", "filterAll"]];

type Item = { date: string; event: TimelineEvent } | { date: string; event: null };

const yearCount = (n: number) => (n === 1 ? t("yearEventOne") : t("yearEvents", n));

/**
 * The NATO–Russia timeline, scannable: filtered (around the article, since
 * it, with the people on this page, or all), grouped by year with each year
 * collapsible, one line per event until opened, the article placed on it.
 */
export function TimelineView({ date, onPage }: { date: string | null; onPage: Set<string> }) {
  const subjects = useMemo(() => timelineSubjects(knowledge.timeline), []);
  const [filter, setFilter] = useState<TimelineFilter>(date ? "around" : "all");
  const events = filterTimeline(knowledge.timeline, filter, { date, onPage, subjects });
  const items: Item[] = events.map((event) => ({ date: event.date, event }));
  if (date && filter !== "page") {
    // Before the first event that starts after it: a partial date ("2021-10") counts from its first day.
    const at = items.findIndex((i) => startDay(i.date) > date);
    items.splice(at < 0 ? items.length : at, 0, { date, event: null });
  }
  const groups = byYear(items);
  // With every event shown, only the article's year (or the latest) starts open; a filter's few years all do.
  const openYear = filter === "all" ? (date?.slice(0, 4) ?? groups[groups.length - 1]?.year) : null;
  return (
    <div class="timeline">
      <fieldset class="filters">
        <legend class="sr-only">{t("timelineShow")}</legend>
        {FILTERS.map(([value, label]) => (
          <label key={value} class={filter === value ? "chosen" : ""}>
            <input type="radio" name="timeline-filter" value={value} checked={filter === value} disabled={!date && (value === "around" || value === "since")} onChange={() => setFilter(value)} />
            {t(label)}
          </label>
        ))}
      </fieldset>
      {events.length === 0 && <p class="muted">{t("timelineNone")}</p>}
      {groups.map((g) => (
        <details key={`${filter}-${g.year}`} class="year" data-year={g.year} open={openYear === null || openYear === g.year}>
          <summary>
            <span class="year-label">{g.year}</span> <span class="muted">{yearCount(g.events.filter((i) => i.event !== null).length)}</span>
          </summary>
          <ol>
            {g.events.map((item, i) =>
              item.event === null ? (
                <li class="article-date" data-article-date={item.date} key="article">
                  {t("timelineArticle", item.date)}
                </li>
              ) : (
                <EventRow key={`${item.date}-${i}`} event={item.event} involves={involvesPage(item.event, onPage, subjects)} />
              ),
            )}
          </ol>
        </details>
      ))}
    </div>
  );
}

function EventRow({ event, involves }: { event: TimelineEvent; involves: boolean }) {
  return (
    <li class={involves ? "event involves" : "event"} data-date={event.date}>
      <details>
        <summary>
          <time dateTime={event.date}>{dayInYear(event.date, browser.i18n.getUILanguage())}</time>
          <span class="line">
            {involves && (
              <span class="dot" role="img" aria-label={t("timelineInvolves")} title={t("timelineInvolves")}>
                ●
              </span>
            )}
            <span class="title">{event.title}</span>
          </span>
        </summary>
        <p class="summary">{event.summary}</p>
        <a href={event.source.url} target="_blank" rel="noopener noreferrer" title={event.source.title}>
          {event.source.publisher}
        </a>
      </details>
    </li>
  );
}
