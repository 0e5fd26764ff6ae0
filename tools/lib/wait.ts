// Waiting in the soak and the bench: for a condition to hold (polled), or a fixed settle time after a page's load event.
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function poll<T>(fn: () => Promise<T | null>, timeoutMs: number): Promise<T | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => null);
    if (value !== null || Date.now() > until) return value;
    await sleep(40);
  }
}
