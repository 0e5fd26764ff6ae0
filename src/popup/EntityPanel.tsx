import { Fragment } from "preact";
import { knowledge } from "../knowledge/index";
import { briefingFor, roleHistory } from "../core/knowledge/briefing";
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

/** One entity on its own, with a way back (from search, a related link or a card's "Open full entry"). */
export function EntityPanel({ entityId, date, onPage, onBack, onOpen, onShowInPage }: Omit<DetailProps, "onShowInPage"> & { onPage: Set<string>; onBack(): void; onShowInPage: DetailProps["onShowInPage"] }) {
  const entity = byId.get(entityId);
  return (
    <div class="panel" data-panel={entityId}>
      <button type="button" class="link back" onClick={onBack}>← {t("tabPage")}</button>
      <h1>{entity?.name ?? entityId}</h1>
      <p class="muted">{entity?.summary}</p>
      <EntityDetail entityId={entityId} date={date} onOpen={onOpen} onShowInPage={onPage.has(entityId) ? onShowInPage : null} />
      {entity && <History entityId={entityId} date={date} />}
    </div>
  );
}

/** What the card has no room for: every role on file, and the timeline's events involving the entity. */
function History({ entityId, date }: { entityId: string; date: string | null }) {
  const entity = byId.get(entityId)!;
  const roles = roleHistory(entity, date);
  const events = eventsInvolving(knowledge.timeline, entityId);
  return (
    <>
      {roles.length > 0 && (
        <section aria-labelledby="entry-roles">
          <h2 id="entry-roles">{t("entryRoles")}</h2>
          <ol class="history" data-history="roles">
            {roles.map(({ role, heldOnDay }, i) => (
              <li key={i} class={heldOnDay ? "at-date" : undefined}>
                {roleLine(role)}
              </li>
            ))}
          </ol>
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
