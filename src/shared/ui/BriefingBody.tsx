import type { Briefing } from "../../core/knowledge/briefing";
import { describeRole } from "../../core/knowledge/briefing";

/**
 * The body of a briefing, shared by the hover card and the popup: the role at
 * the article's date and, when it differs, the role now; the briefing; the
 * sources; the date the file is current as of. Rendered as text, never HTML.
 */
export function BriefingBody({ briefing }: { briefing: Briefing }) {
  const then = briefing.roleAtDate;
  const now = briefing.currentRole;
  const changed = then !== null && (now === null || describeRole(now) !== describeRole(then));
  return (
    <>
      {then && (
        <p class="role" data-role="then">
          {changed && <span class="label">Then: </span>}
          {describeRole(then)}
        </p>
      )}
      {changed && (
        <p class="role" data-role="now">
          <span class="label">Now: </span>
          {now ? describeRole(now) : "no current role on file"}
        </p>
      )}
      {!then && now && <p class="role" data-role="now">{describeRole(now)}</p>}
      <p class="briefing">{briefing.briefing}</p>
      <ul class="sources" aria-label="Sources">
        {briefing.sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title}
            </a>
          </li>
        ))}
      </ul>
      <p class="asof">Briefing file current as of {briefing.currentAsOf}.</p>
    </>
  );
}
