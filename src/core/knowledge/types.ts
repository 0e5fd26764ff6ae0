/** The knowledge base as authored in src/knowledge/*.json and validated by knowledge.schema.json. */

/** ISO date at the precision the source gives: "2021", "2021-10" or "2021-10-18". */
export type PartialDate = string;

export interface Source {
  title: string;
  url: string;
}

export type EntityType = "person" | "organization" | "state";

export interface Role {
  title: string;
  /** Display name of the body the role belongs to ("NATO", "Government of Russia"). */
  organization: string;
  /** Key of a single-holder office ("nato-secretary-general"): no two holders may overlap. */
  office?: string;
  start: PartialDate | null;
  /** Exclusive: the day the office passed on. null while the role is held. */
  end: PartialDate | null;
  source: Source;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  /** Names that identify the entity wherever they appear in an article. */
  aliases: string[];
  /**
   * Names that also mean something else (a river, another person, a common noun):
   * linked only with context — the entity named by a plain alias earlier in the
   * article, or a title right before the name.
   */
  contextAliases?: string[];
  summary: string;
  briefing: string;
  /** Most relevant to NATO–Russia relations first: the order breaks ties between concurrent roles. */
  roles: Role[];
  related: string[];
  sources: Source[];
}

export interface TimelineEvent {
  date: PartialDate;
  title: string;
  summary: string;
  entities: string[];
  source: Source;
}

export interface KnowledgeHeader {
  name: string;
  version: string;
  /** The date the knowledge is current as of: "now" for current roles. */
  currentAsOf: string;
  language: string;
}

export interface Knowledge {
  header: KnowledgeHeader;
  entities: Entity[];
  timeline: TimelineEvent[];
}
