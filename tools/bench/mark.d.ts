// mark.js 8 ships no types; the benchmark uses only this much of it.
declare module "mark.js" {
  export default class Mark {
    constructor(context: Element | Element[] | string);
    mark(keywords: string | string[], options?: Record<string, unknown>): void;
    markRegExp(regexp: RegExp, options?: Record<string, unknown>): void;
    unmark(options?: Record<string, unknown>): void;
  }
}
