/**
 * Long work as generators that pause often: the content script runs them in
 * time slices so a long page never blocks the browser; node runs them to the
 * end in one go. One piece of code serves both.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to the end, synchronously. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
