/**
 * Levenshtein distance between two sequences (strings compare UTF-16 code units, arrays compare items with
 * `===`). One row over the shorter side: O(n·m) time, O(min(n, m)) memory. Stops early and returns
 * `maxDistance + 1` once the distance is known to exceed `maxDistance`.
 */
export function levenshteinDistance<T>(
  left: ArrayLike<T>,
  right: ArrayLike<T>,
  maxDistance = Number.POSITIVE_INFINITY,
): number {
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  if (long.length - short.length > maxDistance) return maxDistance + 1;
  const row = new Uint32Array(short.length + 1);
  for (let index = 0; index <= short.length; index++) row[index] = index;
  for (let column = 1; column <= long.length; column++) {
    const item = long[column - 1];
    let diagonal = row[0]!;
    let rowMinimum = column;
    row[0] = column;
    for (let index = 1; index <= short.length; index++) {
      const above = row[index]!;
      const value = Math.min(above + 1, row[index - 1]! + 1, diagonal + (short[index - 1] === item ? 0 : 1));
      row[index] = value;
      diagonal = above;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > maxDistance) return maxDistance + 1;
  }
  return row[short.length]!;
}

/**
 * The original's normalised similarity, `1 − distance / max(length)`, in [0, 1]: 1 for two empty sequences,
 * 0 when only one is empty. With `minSimilarity`, returns 0 as soon as the result is known to fall below it.
 */
export function sequenceSimilarity<T>(left: ArrayLike<T>, right: ArrayLike<T>, minSimilarity = 0): number {
  const longest = Math.max(left.length, right.length);
  if (longest === 0) return 1;
  if (left.length === 0 || right.length === 0) return 0;
  if (minSimilarity > 1) return 0;
  const maxDistance = Math.floor((1 - Math.max(0, minSimilarity)) * longest + 1e-9);
  // Most candidates fail a cheap bound long before the quadratic comparison would tell.
  if (maxDistance < longest && distanceLowerBound(left, right) > maxDistance) return 0;
  const distance = levenshteinDistance(left, right, maxDistance);
  return distance > maxDistance ? 0 : 1 - distance / longest;
}

/**
 * A lower bound on the Levenshtein distance in O(n + m): every item of the longer sequence that has no equal
 * item left to pair with in the other one costs at least one edit.
 */
export function distanceLowerBound<T>(left: ArrayLike<T>, right: ArrayLike<T>): number {
  const counts = new Map<T, number>();
  for (let index = 0; index < left.length; index++) {
    const item = left[index] as T;
    counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  let shared = 0;
  for (let index = 0; index < right.length; index++) {
    const item = right[index] as T;
    const available = counts.get(item) ?? 0;
    if (available > 0) {
      shared++;
      counts.set(item, available - 1);
    }
  }
  return Math.max(left.length, right.length) - shared;
}
