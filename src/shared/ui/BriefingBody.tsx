import type { Briefing, RoleView } from "../../core/knowledge/briefing";
import { year } from "../../core/knowledge/dates";
import { t } from "../i18n";

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
  const changed = then !== null && (now === null || roleLine(now) !== roleLine(then));
  return (
    <>
      {then && (
        <p class="role" data-role="then">
          {changed && <span class="label">{t("roleThen")} </span>}
          {roleLine(then)}
        </p>
      )}
      {changed && (
        <p class="role" data-role="now">
          <span class="label">{t("roleNow")} </span>
          {now ? roleLine(now) : t("noCurrentRole")}
        </p>
      )}
      {!then && now && <p class="role" data-role="now">{roleLine(now)}</p>}
      <p class="briefing">{briefing.briefing}</p>
      <ul class="sources" aria-label={t("sources")}>
        {briefing.sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title}
            </a>
          </li>
        ))}
      </ul>
      <p class="asof">{t("currentAsOf", briefing.currentAsOf)}</p>
    </>
  );
}
