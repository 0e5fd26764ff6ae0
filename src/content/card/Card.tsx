import { useState } from "preact/hooks";
import type { Briefing } from "../../core/knowledge/briefing";
import { dayLine, RoleLines, rolesShown, SinceList, SourceLine } from "../../shared/ui/BriefingBody";
import { t } from "../../shared/i18n";
import type { Mark } from "../../core/marks";

export interface CardProps {
  mark: Mark;
  /** How often the article names this entity (or this unknown name). */
  count: number;
  /** null while the briefing is on its way, or for an unknown name. */
  briefing: Briefing | null;
  /** Opened from the keyboard: a dialog that holds focus, with a close button. */
  modal: boolean;
  onClose(): void;
  onFullEntry(entityId: string): void;
}

/** What the short card has room for; "More" shows the rest. */
const SHORT_SINCE_ITEMS = 2;
const SHORT_SOURCES = 2;

function kindLabel(mark: Mark): string {
  if (mark.office !== null) return t("kindOffice");
  if (mark.kind === "person") return t("kindPerson");
  if (mark.kind === "organization") return t("kindOrganization");
  return mark.guess === "organization" ? t("kindUnknownOrganization") : t("kindUnknownPerson");
}

export function Card(props: CardProps) {
  // A card for another name starts short again.
  return <CardView key={`${props.mark.start}-${props.mark.entityId ?? props.mark.text}`} {...props} />;
}

/**
 * Read at a glance: who this is, the role then and now, one line of summary,
 * what changed since an old article, and the sources by publisher. "More"
 * adds the longer briefing in place.
 */
function CardView({ mark, count, briefing, modal, onClose, onFullEntry }: CardProps) {
  const [more, setMore] = useState(false);
  return (
    <div
      class={`card${mark.entityId === null ? " unknown" : ""}${more ? " more" : ""}`}
      role="dialog"
      aria-modal={modal ? "true" : undefined}
      aria-labelledby="backstory-card-name"
      tabIndex={-1}
    >
      <header>
        <span class="name" id="backstory-card-name">{mark.name}</span>
        <span class="kind">{kindLabel(mark)}</span>
      </header>
      {mark.entityId === null ? (
        <>
          {mark.about !== null && <p class="about">{t("unknownAbout", mark.about)}</p>}
          <p class="nothing">{t("unknownNothing")}</p>
        </>
      ) : briefing === null ? (
        <p class="loading">{t("loading")}</p>
      ) : mark.office !== null && briefing.articleDate !== null ? (
        <>
          {/* The page said only the office: who held it on the article's date is the card's first news. */}
          <p class="office">{t("officeHere", mark.text, dayLine(briefing.articleDate))}</p>
          <RoleLines briefing={briefing} />
          <p class="summary">{briefing.summary}</p>
          <SourceLine sources={briefing.sources} limit={more ? undefined : SHORT_SOURCES} />
        </>
      ) : briefing === null ? (
        <p class="loading">{t("loading")}</p>
      ) : (
        <>
          <RoleLines briefing={briefing} undatedNote />
          <p class="summary">{briefing.summary}</p>
          {briefing.sinceArticle && <SinceList since={briefing.sinceArticle} limit={more ? undefined : SHORT_SINCE_ITEMS} skipRoles={rolesShown(briefing)} />}
          {more && (
            <div id="backstory-card-more" class="longer">
              <p class="briefing">{briefing.briefing}</p>
            </div>
          )}
          <SourceLine sources={briefing.sources} limit={more ? undefined : SHORT_SOURCES} />
          {more && <p class="asof">{t("currentAsOf", briefing.currentAsOf)}</p>}
        </>
      )}
      <footer>
        <span class="count">{count === 1 ? t("mentionCountOne") : t("mentionCountMany", count)}</span>
        <span class="actions">
          {briefing !== null && mark.entityId !== null && (
            <button type="button" class="more-button" aria-expanded={more ? "true" : "false"} onClick={() => setMore(!more)}>
              {more ? t("less") : t("more")}
            </button>
          )}
          {mark.entityId !== null && (
            <button type="button" onClick={() => onFullEntry(mark.entityId!)}>
              {t("fullEntry")}
            </button>
          )}
          {modal && (
            <button type="button" onClick={onClose}>
              {t("close")}
            </button>
          )}
        </span>
      </footer>
    </div>
  );
}
