import type { Steps } from "../core/slices";
import { SLICE_MS } from "../shared/timings";
import { noteSlice } from "./testing";

export class Cancelled extends Error {}

type Scheduler = { yield?: () => Promise<void> };

/**
 * Gives the browser a turn. scheduler.yield keeps our place in line where it
 * exists; a message-channel round trip is the fallback, since timers are
 * clamped to a second in background tabs.
 */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as unknown as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs steps in slices of about SLICE_MS, yielding between them; stops with Cancelled when `isCancelled` says so. */
export async function runInSlices<T>(steps: Steps<T>, isCancelled: () => boolean): Promise<T> {
  let started = performance.now();
  let deadline = started + SLICE_MS;
  for (;;) {
    const r = steps.next();
    if (r.done) {
      if (__BACKSTORY_TEST__) noteSlice(performance.now() - started);
      return r.value;
    }
    const now = performance.now();
    if (now >= deadline) {
      if (__BACKSTORY_TEST__) noteSlice(now - started);
      await yieldToBrowser();
      if (isCancelled()) throw new Cancelled();
      started = performance.now();
      deadline = started + SLICE_MS;
    }
  }
}
