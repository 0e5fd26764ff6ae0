// The knowledge base as one object. esbuild inlines the JSON; the content
// script never imports this (it gets the compiled matcher, see build.mjs).
import header from "./header.json";
import people from "./entities/people.json";
import organizations from "./entities/organizations.json";
import states from "./entities/states.json";
import timeline from "./timeline.json";
import { mergeKnowledge } from "../core/knowledge/load";
import type { Entity, Knowledge, KnowledgeHeader, TimelineEvent } from "../core/knowledge/types";

/** Unvalidated: validation runs in the build and in the tests, never at run time. */
export const knowledge: Knowledge = mergeKnowledge({
  header: header as KnowledgeHeader,
  entityFiles: [people as Entity[], organizations as Entity[], states as Entity[]],
  timeline: timeline as TimelineEvent[],
});
