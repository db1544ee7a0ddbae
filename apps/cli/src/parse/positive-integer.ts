import { InvalidArgumentError } from 'commander';

/** Commander argument parser for counts such as `--warm 100` (usage error, exit 2, otherwise). */
export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError(`expected a positive integer, got "${text}"`);
  }
  return value;
}

/** Like `positiveInteger`, but 0 is allowed (e.g. `--warm 0`: drop the cache, warm nothing). */
export function nonNegativeInteger(text: string): number {
  return text.trim() === '0' ? 0 : positiveInteger(text);
}

/** A page size: 1–100, the bound of every listing. */
export function pageLimit(text: string): number {
  const value = positiveInteger(text);
  if (value > 100) throw new InvalidArgumentError(`at most 100 per page, got ${value}`);
  return value;
}
