import browser from "webextension-polyfill";
import type { Briefing, RoleView } from "../../core/knowledge/briefing";
import { year } from "../../core/knowledge/dates";
import { t } from "../i18n";

/** "8 March 2026" for "2026-03-08", in the reader's language; the date as written, never shifted by a time zone. */
export function dayLine(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(browser.i18n.getUILanguage(), { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
}

/** "Secretary General, NATO (2014–2024)", in the reader's language. */
export function roleLine(role: RoleView): string {
  if (role.start === null) return t("roleUndated", role.title, role.organization);
  if (role.end === null) return t("roleSince", role.title, role.organization, year(role.start));
  return t("roleSpan", role.title, role.organization, year(role.start), year(role.end));
}

/**
 * The body of a briefing, shared by the hover card and the popup: the role at
 * the article's date and, when it differs, the role now; the briefing; the
 * sources; the date the file is current as of. Rendered as text, never HTML.
 */
export function BriefingBody({ briefing }: { briefing: Briefing }) {
  const then = briefing.roleAtDate;
  const now = briefing.currentRole;
  // An open role no source confirms recently is shown with its last confirmation, never as current.
  const last = briefing.lastKnownRole;
  const changed = then !== null && (now === null || roleLine(now) !== roleLine(then));
  return (
    <>
      {then && (
        <p class="role" data-role="then">
          {changed && <span class="label">{t("roleThen")} </span>}
          {roleLine(then)}
        </p>
      )}
      {changed && (now || !last) && (
        <p class="role" data-role="now">
          <span class="label">{t("roleNow")} </span>
          {now ? roleLine(now) : t("noCurrentRole")}
        </p>
      )}
      {!then && now && <p class="role" data-role="now">{roleLine(now)}</p>}
      {!now && last && (
        <p class="role" data-role="last-confirmed">
          <span class="label">{t("roleLastConfirmed", last.lastConfirmed ? dayLine(last.lastConfirmed) : "")} </span>
          {roleLine(last)}
        </p>
      )}
      <p class="briefing">{briefing.briefing}</p>
      <ul class="sources" aria-label={t("sources")}>
        {briefing.sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noopener noreferrer" title={s.title}>
              {s.publisher}
            </a>
            {s.published && <span class="published"> {s.published.slice(0, 4)}</span>}
            {s.class === "state-media" && <span class="state-media"> ({t("stateMedia")})</span>}
          </li>
        ))}
      </ul>
      <p class="asof">{t("currentAsOf", briefing.currentAsOf)}</p>
    </>
  );
}
