/** Approximate tokens of a value as the model would see it: characters of its JSON / 4. */
export function estimateTokens(value: unknown): number {
  return Math.ceil((JSON.stringify(value)?.length ?? 0) / 4);
}

export interface BudgetItem<T> {
  value: T;
  /** A smaller form to try when the full one does not fit (e.g. an episode without step outputs). */
  compact?: () => T;
}

export interface Packed<T> {
  kept: T[];
  omitted: number;
  tokens: number;
}

/**
 * Packs items in priority order into what is left of a budget: each item goes in whole, or compacted, or not
 * at all (later, smaller items may still fit). Never exceeds the budget.
 */
export function packWithinBudget<T>(items: ReadonlyArray<BudgetItem<T>>, remaining: number): Packed<T> {
  const kept: T[] = [];
  let tokens = 0;
  let omitted = 0;
  for (const item of items) {
    const full = estimateTokens(item.value);
    if (tokens + full <= remaining) {
      kept.push(item.value);
      tokens += full;
      continue;
    }
    const compact = item.compact?.();
    const compactTokens = compact === undefined ? Number.POSITIVE_INFINITY : estimateTokens(compact);
    if (compact !== undefined && tokens + compactTokens <= remaining) {
      kept.push(compact);
      tokens += compactTokens;
    } else {
      omitted++;
    }
  }
  return { kept, omitted, tokens };
}
