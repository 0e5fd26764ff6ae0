import type { Briefing } from "../../core/knowledge/briefing";
import { BriefingBody } from "../../shared/ui/BriefingBody";
import { t } from "../../shared/i18n";
import type { Mark } from "../paint";

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

function kindLabel(mark: Mark): string {
  if (mark.kind === "person") return t("kindPerson");
  if (mark.kind === "organization") return t("kindOrganization");
  return mark.guess === "organization" ? t("kindUnknownOrganization") : t("kindUnknownPerson");
}

export function Card({ mark, count, briefing, modal, onClose, onFullEntry }: CardProps) {
  return (
    <div
      class={`card${mark.entityId === null ? " unknown" : ""}`}
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
        <p class="nothing">{t("unknownNothing")}</p>
      ) : briefing === null ? (
        <p class="loading">{t("loading")}</p>
      ) : (
        <BriefingBody briefing={briefing} />
      )}
      <p class="count">{count === 1 ? t("mentionCountOne") : t("mentionCountMany", count)}</p>
      <div class="actions">
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
      </div>
    </div>
  );
}
