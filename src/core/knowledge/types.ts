/** The knowledge base as authored in src/knowledge/*.json and validated by knowledge.schema.json. */

/** ISO date at the precision the source gives: "2021", "2021-10" or "2021-10-18". */
export type PartialDate = string;

export interface Source {
  title: string;
  url: string;
  /** Who published the page, as the source policy names the host ("Reuters", "NATO"). */
  publisher: string;
  /** The page's publication date; null only for undated reference and official pages. */
  published: PartialDate | null;
  /** The sentence of the page that states the fact; required on role sources. */
  quote?: string;
}

/** A source that states a role: its quote is what an auditor checks. */
export interface RoleSource extends Source {
  quote: string;
}

/** When an open role was last seen held, and the page that shows it. */
export interface Confirmation {
  date: string;
  source: RoleSource;
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
  source: RoleSource;
  /**
   * Required while the role is open (end null): a page published on or after
   * `date` shows it still held. An open role must have been confirmed within
   * six months of `currentAsOf`, or be marked `endUnknown`.
   */
  confirmed?: Confirmation;
  /**
   * The role was held on `confirmed.date`, and no later page says whether it
   * still is: it counts as held up to that day only, and cards say "last
   * confirmed" instead of presenting it as current.
   */
  endUnknown?: true;
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

/**
 * Which publishers the file may cite, by class, and which hosts and patterns it
 * never may (src/knowledge/sources.json). Every source's host must be listed.
 */
export type SourceClass = "official" | "news" | "regional" | "reference" | "state-media";

export interface Publisher {
  name: string;
  class: SourceClass;
  /** Hosts and their subdomains: "bbc.co.uk" covers "news.bbc.co.uk". */
  hosts: string[];
  /** State media only: office keys of its own state ("russia-"): the roles it may source. */
  officePrefixes?: string[];
  /** State media only: words that name its own state in a role's organization ("Russian Foreign Ministry"). */
  stateWords?: string[];
}

export interface SourcePolicy {
  classes: Record<SourceClass, string>;
  publishers: Publisher[];
  rejected: { hosts: string[]; patterns: { pattern: string; why: string }[] };
}

export interface Knowledge {
  header: KnowledgeHeader;
  sourcePolicy: SourcePolicy;
  entities: Entity[];
  timeline: TimelineEvent[];
}
