import browser from "webextension-polyfill";
import type { Briefing, RoleView, SinceView, SourceView } from "../../core/knowledge/briefing";
import { year } from "../../core/knowledge/dates";
import { dayLine as dayLineIn, monthLine as monthLineIn } from "../../core/date-lines";
import { t } from "../i18n";

/** A day or month as the reader's language writes it (src/core/date-lines.ts). */
export const dayLine = (day: string) => dayLineIn(day, browser.i18n.getUILanguage());
export const monthLine = (day: string) => monthLineIn(day, browser.i18n.getUILanguage());

/** "Secretary General, NATO (2014–2024)", in the reader's language. */
export function roleLine(role: RoleView): string {
  if (role.start === null) return t("roleUndated", role.title, role.organization);
  if (role.end === null) return t("roleSince", role.title, role.organization, year(role.start));
  return t("roleSpan", role.title, role.organization, year(role.start), year(role.end));
}

/** The roles the role lines show, so "Since this article" need not repeat them. */
export function rolesShown(briefing: Briefing): RoleView[] {
  return [briefing.roleAtDate, briefing.currentRole, briefing.lastKnownRole].filter((r): r is RoleView => r !== null);
}

/**
 * The role at the article's date and, when it differs, the role now; "as of
 * today" when the article's date is unknown; an open role no source confirms
 * recently with its last confirmation, never as current (`undatedNote`: the
 * card says so in a line of its own, where the popup has its header). A role held then
 * and last confirmed since is one line with its confirmation date.
 */
export function RoleLines({ briefing, undatedNote = false }: { briefing: Briefing; undatedNote?: boolean }) {
  const then = briefing.roleAtDate;
  const now = briefing.currentRole;
  const last = briefing.lastKnownRole;
  const sameAsLast = then !== null && now === null && last !== null && roleLine(last) === roleLine(then);
  const changed = then !== null && !sameAsLast && (now === null || roleLine(now) !== roleLine(then));
  const undated = briefing.articleDate === null;
  const confirmed = (role: RoleView) => (role.lastConfirmed ? dayLine(role.lastConfirmed) : "");
  return (
    <>
      {undated && undatedNote && <p class="undated" data-undated>{t("noDate")}</p>}
      {then && (
        <p class="role" data-role="then">
          {changed && <span class="label">{t("roleThen")} </span>}
          {!changed && undated && !undatedNote && <span class="label">{t("roleAsOfToday")} </span>}
          {roleLine(then)}
          {sameAsLast && <span class="label confirmed"> · {t("roleConfirmedOn", confirmed(last))}</span>}
        </p>
      )}
      {changed && (now || !last) && (
        <p class="role" data-role="now">
          <span class="label">{t("roleNow")} </span>
          {now ? roleLine(now) : t("noCurrentRole")}
        </p>
      )}
      {!then && now && <p class="role" data-role="now">{roleLine(now)}</p>}
      {!now && last && !sameAsLast && (
        <p class="role" data-role="last-confirmed">
          <span class="label">{t("roleLastConfirmed", confirmed(last))} </span>
          {roleLine(last)}
        </p>
      )}
    </>
  );
}

/**
 * One line per change since the article, in date order: roles begun and
 * ended, then the main events. `skipRoles`: roles shown elsewhere on the card.
 * Nothing at all when nothing is left to say.
 */
export function SinceList({ since, limit, skipRoles = [] }: { since: SinceView; limit?: number; skipRoles?: RoleView[] }) {
  const skip = new Set(skipRoles.map(roleLine));
  const items = [
    ...since.roles.filter((c) => !skip.has(roleLine(c.role))).map((c) => ({ date: c.date, text: t(c.change === "began" ? "sinceBegan" : "sinceEnded", roleLine(c.role)), kind: c.change })),
    ...since.events.map((e) => ({ date: e.date, text: e.title, kind: "event" })),
  ];
  // Role changes first when room is short: they are what a card's role line cannot say.
  const shown = limit === undefined ? items : items.slice(0, limit);
  shown.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const left = since.eventCount - since.events.length;
  if (shown.length === 0) return null;
  return (
    <section class="since" aria-label={t("sinceArticle", monthLine(since.from))}>
      <p class="since-head" aria-hidden="true">{t("sinceArticle", monthLine(since.from))}</p>
      <ul>
        {shown.map((item) => (
          <li key={`${item.kind}-${item.date}-${item.text}`} data-since={item.kind} title={item.text}>
            <time dateTime={item.date}>{year(item.date)}</time> {item.text}
          </li>
        ))}
      </ul>
      {limit === undefined && left > 0 && <p class="since-more">{t("sinceMoreEvents", since.eventCount)}</p>}
    </section>
  );
}

/**
 * Sources by publisher, on one line: each a link to the page, state media
 * labelled. With a `limit`, each publisher once and the rest counted.
 */
export function SourceLine({ sources, limit }: { sources: SourceView[]; limit?: number }) {
  const publishers = limit === undefined ? sources : sources.filter((s, i) => sources.findIndex((o) => o.publisher === s.publisher) === i);
  const shown = limit === undefined ? sources : publishers.slice(0, limit);
  return (
    <p class="sources">
      <span class="label">{t("sources")}: </span>
      {shown.map((s, i) => (
        <span key={s.url} class="source">
          {i > 0 && " · "}
          <a href={s.url} target="_blank" rel="noopener noreferrer" title={s.title}>
            {s.publisher}
          </a>
          {s.published && <span class="published"> {s.published.slice(0, 4)}</span>}
          {s.class === "state-media" && <span class="state-media"> ({t("stateMedia")})</span>}
        </span>
      ))}
      {shown.length < sources.length && <span class="label"> {t("moreSources", sources.length - shown.length)}</span>}
    </p>
  );
}

/**
 * The whole briefing, as the popup's full entry shows it: roles, what changed
 * since the article, the briefing, every source, the date the file is current
 * as of. Rendered as text, never HTML.
 */
export function BriefingBody({ briefing }: { briefing: Briefing }) {
  return (
    <>
      <RoleLines briefing={briefing} />
      {briefing.sinceArticle && <SinceList since={briefing.sinceArticle} />}
      <p class="briefing">{briefing.briefing}</p>
      <SourceLine sources={briefing.sources} />
      <p class="asof">{t("currentAsOf", briefing.currentAsOf)}</p>
    </>
  );
}
