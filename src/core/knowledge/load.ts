import type { Entity, Knowledge, KnowledgeHeader, SourcePolicy, TimelineEvent } from "./types";

/** The files the knowledge base is authored in, merged in this order. */
export interface KnowledgeFiles {
  header: KnowledgeHeader;
  sourcePolicy: SourcePolicy;
  entityFiles: Entity[][];
  timeline: TimelineEvent[];
}

export function mergeKnowledge(files: KnowledgeFiles): Knowledge {
  return { header: files.header, sourcePolicy: files.sourcePolicy, entities: files.entityFiles.flat(), timeline: files.timeline };
}
