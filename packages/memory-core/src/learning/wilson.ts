const Z_95 = 1.96;

/**
 * Lower bound of the Wilson score interval (z = 1.96) for `successes` out of `total`: a success rate that is
 * pessimistic for small samples, so 1/1 ranks below 45/50. 0 when total is 0; successes may be fractional.
 */
export function wilsonLowerBound(successes: number, total: number, z = Z_95): number {
  if (total <= 0) return 0;
  const rate = Math.min(1, Math.max(0, successes / total));
  const z2 = z * z;
  const centre = rate + z2 / (2 * total);
  const margin = z * Math.sqrt((rate * (1 - rate)) / total + z2 / (4 * total * total));
  return Math.max(0, (centre - margin) / (1 + z2 / total));
}
