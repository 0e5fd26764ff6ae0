import { describe, expect, it } from "vitest";
import { growthExponent, quantile, ratio, summarize } from "../../tools/bench/stats";

describe("benchmark statistics", () => {
  it("takes quantiles by nearest rank, ignoring missing values", () => {
    const xs = [5, 1, 4, 2, 3, NaN, 10, 6, 7, 8, 9];
    expect(quantile(xs, 0.5)).toBe(5);
    expect(quantile(xs, 0.9)).toBe(9);
    expect(quantile(xs, 1)).toBe(10);
    expect(quantile([], 0.5)).toBeNaN();
    expect(summarize(xs)).toEqual({ n: 10, median: 5, p90: 9, max: 10 });
  });

  it("gives NaN for a ratio to nothing", () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(NaN, 2)).toBeNaN();
  });

  it("reads 1 for linear growth and 2 for quadratic", () => {
    expect(growthExponent([1, 2, 4, 8, 16].map((x) => ({ x, y: 3 * x })))).toBeCloseTo(1, 6);
    expect(growthExponent([1, 2, 4, 8, 16].map((x) => ({ x, y: x * x })))).toBeCloseTo(2, 6);
  });
});
