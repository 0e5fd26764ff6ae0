// The article-extraction benchmark's metric (Zyte/Scrapinghub): token 4-shingles as multisets.

export interface Prf {
  /** null when nothing was predicted: the benchmark leaves such pages out of the mean precision. */
  precision: number | null;
  recall: number;
  f1: number;
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map<string, number>();
  // A text of fewer than 4 tokens gives one shorter shingle.
  const n = Math.max(1, tokens.length - 3);
  for (let i = 0; i < n; i++) {
    const s = tokens.slice(i, i + 4).join(" ");
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

export function shingleScore(truth: string, predicted: string): Prf {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0, fp = 0, fn = 0;
  for (const [s, c] of p) {
    const m = Math.min(c, t.get(s) ?? 0);
    tp += m;
    fp += c - m;
  }
  for (const [s, c] of t) fn += Math.max(0, c - (p.get(s) ?? 0));
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision && recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
