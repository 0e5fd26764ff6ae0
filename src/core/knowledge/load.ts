import type { Entity, Knowledge, KnowledgeHeader, TimelineEvent } from "./types";

/** The files the knowledge base is authored in, merged in this order. */
export interface KnowledgeFiles {
  header: KnowledgeHeader;
  entityFiles: Entity[][];
  timeline: TimelineEvent[];
}

export function mergeKnowledge(files: KnowledgeFiles): Knowledge {
  return { header: files.header, entities: files.entityFiles.flat(), timeline: files.timeline };
}
