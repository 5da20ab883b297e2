/** Medians and spreads of repeated measurements, and the clock offset between two processes. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Interquartile range: where the middle half of the samples fell. */
  p25: number;
  p75: number;
  samples: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] ?? Number.NaN) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (at - low);
}

/** NaN samples (a mark that never came) are dropped and show as fewer samples. */
export function spread(values: readonly number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    samples: sorted.length,
  };
}

export function describeSpread(s: Spread, digits = 1): string {
  if (s.samples === 0) return 'no samples';
  const f = (n: number) => n.toFixed(digits);
  return `n=${s.samples}, IQR ${f(s.p25)}–${f(s.p75)}, range ${f(s.min)}–${f(s.max)}`;
}

/** Epoch milliseconds with sub-millisecond resolution, on the same basis as a page's. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
