// The knowledge base as one object. esbuild inlines the JSON; the content
// script never imports this (it gets the compiled matcher, see build.mjs).
import header from "./header.json";
import sourcePolicy from "./sources.json";
import russiaBelarus from "./entities/people-russia-belarus.json";
import easternPartners from "./entities/people-eastern-partners.json";
import northAmericaUk from "./entities/people-north-america-uk.json";
import europe from "./entities/people-europe.json";
import international from "./entities/people-international.json";
import organizations from "./entities/organizations.json";
import states from "./entities/states.json";
import timeline from "./timeline.json";
import { mergeKnowledge } from "../core/knowledge/load";
import type { Entity, Knowledge, KnowledgeHeader, SourcePolicy, TimelineEvent } from "../core/knowledge/types";

/** The entity files by name, as `knowledge:check` and the tests list them: every file in entities/ is here. */
export const entityFiles: Record<string, Entity[]> = {
  "people-russia-belarus": russiaBelarus as Entity[],
  "people-eastern-partners": easternPartners as Entity[],
  "people-north-america-uk": northAmericaUk as Entity[],
  "people-europe": europe as Entity[],
  "people-international": international as Entity[],
  organizations: organizations as Entity[],
  states: states as Entity[],
};

/** Unvalidated: validation runs in the build and in the tests, never at run time. */
export const knowledge: Knowledge = mergeKnowledge({
  header: header as KnowledgeHeader,
  sourcePolicy: sourcePolicy as SourcePolicy,
  entityFiles: Object.values(entityFiles),
  timeline: timeline as TimelineEvent[],
});
