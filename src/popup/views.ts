/**
 * Everything the popup shows from the knowledge file, in one chunk loaded
 * after the first render (src/popup/lazy.ts): the page summary comes from the
 * background and is on screen before the file is parsed.
 */
export { EntityDetail, EntityPanel } from "./EntityPanel";
export { TimelineView } from "./TimelineView";
export { SearchView } from "./SearchView";
