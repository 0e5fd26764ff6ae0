import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { MentionLine } from "../core/text/sentences";
import { endDay, startDay } from "../core/knowledge/dates";
import { knowledge } from "../knowledge/index";
import { briefingFor, roleHistory, type RoleView } from "../core/knowledge/briefing";
import { eventsInvolving } from "../core/knowledge/timeline";
import { BriefingBody, roleLine } from "../shared/ui/BriefingBody";
import { t } from "../shared/i18n";

const byId = new Map(knowledge.entities.map((e) => [e.id, e]));

interface DetailProps {
  entityId: string;
  date: string | null;
  onOpen(entityId: string): void;
  /** null when the entity is not on the page. */
  onShowInPage: ((entityId: string | null, text: string | null) => void) | null;
}

/** A full entry: the role at the article's date and now, the briefing, related entities, sources. */
export function EntityDetail({ entityId, date, onOpen, onShowInPage }: DetailProps) {
  const entity = byId.get(entityId);
  if (!entity) return null;
  const briefing = briefingFor(knowledge, entity, date);
  return (
    <div class="detail" data-briefing={entityId}>
      <BriefingBody briefing={briefing} />
      {briefing.related.length > 0 && (
        <p class="related">
          {t("related")}:{" "}
          {briefing.related.map((r, i) => (
            // The comma stays with the name before it: a line never starts with one.
            <Fragment key={r.id}>
              <span class="nowrap">
                <button type="button" class="link" data-related={r.id} onClick={() => onOpen(r.id)}>{r.name}</button>
                {i < briefing.related.length - 1 && ","}
              </span>{" "}
            </Fragment>
          ))}
        </p>
      )}
      {onShowInPage && (
        <button type="button" data-show={entityId} onClick={() => onShowInPage(entityId, null)}>{t("showInPage")}</button>
      )}
    </div>
  );
}

/**
 * Wide enough for two columns: a full entry opened as a page in a tab. The
 * toolbar popup is 400 px wide (panel.css), so it never is. panel.css
 * switches the layout at the same width.
 */
const WIDE = "(min-width: 45em)";

function useWide(): boolean {
  const [wide, setWide] = useState(() => matchMedia(WIDE).matches);
  useEffect(() => {
    const query = matchMedia(WIDE);
    const change = () => setWide(query.matches);
    query.addEventListener("change", change);
    return () => query.removeEventListener("change", change);
  }, []);
  return wide;
}

interface PanelProps extends Omit<DetailProps, "onShowInPage"> {
  onPage: Set<string>;
  onBack(): void;
  onShowInPage: DetailProps["onShowInPage"];
  /** The article's headline, for "In this article". */
  title: string | null;
  /** The sentence around each of the entity's mentions in the article; null when the page cannot say. */
  mentionsOf(entityId: string): Promise<MentionLine[] | null>;
  /** Brings the article's tab forward at the `nth` mention of the entity. */
  onShowMention(entityId: string, nth: number): void;
}

/**
 * One entity on its own, with a way back (from search, a related link or a
 * card's "Open full entry"): the briefing, the role strip, the events, and the
 * article's sentences naming it. In a wide window (opened in a tab): two
 * columns, the entry and those sentences beside the strip and events.
 */
export function EntityPanel({ entityId, date, onPage, onBack, onOpen, onShowInPage, title, mentionsOf, onShowMention }: PanelProps) {
  const entity = byId.get(entityId);
  const wide = useWide();
  const here = onPage.has(entityId);
  const mentions = here && <Mentions entityId={entityId} title={title} mentionsOf={mentionsOf} onShow={(nth) => onShowMention(entityId, nth)} />;
  return (
    <div class={`panel${wide ? " wide" : ""}`} data-panel={entityId} data-layout={wide ? "wide" : "narrow"}>
      <header class="entry-head">
        <button type="button" class="link back" onClick={onBack}>← {t("tabPage")}</button>
        <h1>{entity?.name ?? entityId}</h1>
        <p class="muted">{entity?.summary}</p>
      </header>
      <div class="entry-main">
        <EntityDetail entityId={entityId} date={date} onOpen={onOpen} onShowInPage={here ? onShowInPage : null} />
        {wide && mentions}
      </div>
      {entity && (
        <div class="entry-side">
          <History entityId={entityId} date={date} />
        </div>
      )}
      {/* One column: the article's sentences after the roles and events, the entry's own matter first. */}
      {!wide && mentions}
    </div>
  );
}

/** The sentences of the article that name the entity, each with "Show in page". */
function Mentions({ entityId, title, mentionsOf, onShow }: { entityId: string; title: string | null; mentionsOf: PanelProps["mentionsOf"]; onShow(nth: number): void }) {
  const [lines, setLines] = useState<MentionLine[] | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setLines(undefined);
    mentionsOf(entityId).then((l) => live && setLines(l), () => live && setLines(null));
    return () => void (live = false);
  }, [entityId]);
  if (lines === null || (lines !== undefined && lines.length === 0)) return null;
  return (
    <section class="mentions" aria-labelledby="entry-mentions" data-mentions>
      <h2 id="entry-mentions">{t("entryMentions")}</h2>
      {title && <p class="muted mentions-title">{title}</p>}
      {lines === undefined ? (
        <p class="muted">{t("popupReading")}</p>
      ) : (
        <ol>
          {lines.map((l, i) => (
            <li key={i} data-mention={i}>
              <q>
                {l.before}
                <mark>{l.name}</mark>
                {l.after}
              </q>{" "}
              <button type="button" class="link" data-show-nth={i} aria-label={`${t("showInPage")}: ${t("mentionNumber", i + 1)}`} onClick={() => onShow(i)}>
                {t("showInPage")}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What the card has no room for: every role on file, and the timeline's events involving the entity. */
function History({ entityId, date }: { entityId: string; date: string | null }) {
  const entity = byId.get(entityId)!;
  const roles = roleHistory(entity, date);
  const events = eventsInvolving(knowledge.timeline, entityId);
  const span = stripSpan(roles.map((r) => r.role), date);
  return (
    <>
      {roles.length > 0 && (
        <section aria-labelledby="entry-roles">
          <h2 id="entry-roles">{t("entryRoles")}</h2>
          <ol class={`history${span ? " strip" : ""}`} data-history="roles">
            {roles.map(({ role, heldOnDay }, i) => (
              <li key={i} class={heldOnDay ? "at-date" : undefined}>
                {roleLine(role)}
                {span && role.start !== null && <span class="bar" aria-hidden="true" style={barStyle(span, role)} />}
              </li>
            ))}
          </ol>
          {span && (
            <p class="strip-axis muted" aria-hidden="true">
              <span>{span.from.slice(0, 4)}</span>
              {span.article !== null && <span class="strip-article" style={{ left: `${span.article}%` }}>▲ {t("stripArticle")}</span>}
              <span>{span.to.slice(0, 4)}</span>
            </p>
          )}
        </section>
      )}
      {events.length > 0 && (
        <section aria-labelledby="entry-events">
          <h2 id="entry-events">{t("entryEvents")}</h2>
          <ol class="history" data-history="events">
            {events.map((e, i) => (
              <li key={i}>
                <time dateTime={e.date}>{e.date}</time> {e.title}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

interface StripSpan {
  from: string;
  to: string;
  /** Where the article's day falls, in % of the strip, or null without one. */
  article: number | null;
}

const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** The strip runs from the earliest dated role to the file's date, in whole years. */
function stripSpan(roles: RoleView[], date: string | null): StripSpan | null {
  const starts = roles.flatMap((r) => (r.start === null ? [] : [startDay(r.start)]));
  if (starts.length === 0) return null;
  const from = `${starts.reduce((a, b) => (a < b ? a : b)).slice(0, 4)}-01-01`;
  const to = `${Number(knowledge.header.currentAsOf.slice(0, 4)) + 1}-01-01`;
  const at = date !== null && date >= from && date < to ? ((dayNumber(date) - dayNumber(from)) / (dayNumber(to) - dayNumber(from))) * 100 : null;
  return { from, to, article: at };
}

/** A role's bar on the strip: where it starts and how long it lasts (open roles run to the strip's end). */
function barStyle(span: StripSpan, role: RoleView): Record<string, string> {
  const total = dayNumber(span.to) - dayNumber(span.from);
  const start = dayNumber(startDay(role.start!)) - dayNumber(span.from);
  const end = (role.end === null ? dayNumber(span.to) : dayNumber(endDay(role.end))) - dayNumber(span.from);
  return { marginLeft: `${(start / total) * 100}%`, width: `${(Math.max(end - start, total / 200) / total) * 100}%` };
}
