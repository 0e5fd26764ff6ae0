import type { Briefing } from "../../core/knowledge/briefing";
import type { EntityType } from "../../core/knowledge/types";
import { BriefingBody } from "../../shared/ui/BriefingBody";

export interface CardProps {
  name: string;
  type: EntityType;
  /** How often the article names this entity. */
  count: number;
  /** null while the briefing is on its way. */
  briefing: Briefing | null;
}

const KIND: Record<EntityType, string> = { person: "Person", organization: "Organization", state: "State" };

export function Card({ name, type, count, briefing }: CardProps) {
  return (
    <div class="card" role="dialog" aria-label={`Backstory: ${name}`}>
      <header>
        <span class="name">{name}</span>
        <span class="kind">{KIND[type]}</span>
      </header>
      {briefing === null ? <p class="loading">Loading briefing…</p> : <BriefingBody briefing={briefing} />}
      <p class="count">
        Named {count} {count === 1 ? "time" : "times"} in this article.
      </p>
    </div>
  );
}
