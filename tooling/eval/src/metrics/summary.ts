/** Arithmetic mean; 0 for no values (a measure over no queries reports 0, never NaN in JSON). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Fraction of true values; 0 for none. */
export function fraction(values: readonly boolean[]): number {
  return mean(values.map((value) => (value ? 1 : 0)));
}

/** Nearest-rank percentile (p in (0, 100]): the smallest value with at least p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Rounds to a fixed number of decimals for reporting (the JSON stays readable and stable). */
export function round(value: number, decimals = 3): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
