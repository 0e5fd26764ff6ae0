import { useEffect, useState } from "preact/hooks";

export type Views = typeof import("./views");

let loading: Promise<Views> | null = null;

/** The knowledge views' chunk (src/popup/views.ts), loaded once. */
export function loadViews(): Promise<Views> {
  loading ??= import("./views");
  return loading;
}

/**
 * The views once their chunk has loaded, null until then. `start` false
 * holds the load back: the popup starts it only after its first render, so
 * parsing the knowledge file never delays the page's summary.
 */
export function useViews(start: boolean): Views | null {
  const [views, setViews] = useState<Views | null>(null);
  useEffect(() => {
    if (!start || views) return;
    let live = true;
    void loadViews().then((v) => live && setViews(v));
    return () => void (live = false);
  }, [start]);
  return views;
}
