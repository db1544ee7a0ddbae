import { round } from './metrics/summary.js';
import type { EvalReport } from './report/types.js';

/** Meta fields that count things: summed over folds (every other number is averaged). */
const SUMMED = new Set([
  'trainEpisodes',
  'queries',
  'answerableQueries',
  'runQueries',
  'successFirstQueries',
]);

/**
 * One report for a cross-validation run: every score is the mean over folds (each fold weighs the same; the
 * folds are near-equal in size), counts are summed, the duration is the whole run's.
 */
export function meanOfFolds(folds: readonly EvalReport[], durationMs: number): EvalReport {
  const first = folds[0];
  if (!first) throw new Error('cross-validation needs at least one fold');
  const merged = mean(folds, []) as EvalReport;
  merged.meta = {
    ...merged.meta,
    trainEpisodes: first.meta.trainEpisodes,
    runEpisodes: first.meta.runEpisodes,
    durationMs: Math.round(durationMs),
  };
  return merged;
}

function mean(values: readonly unknown[], path: readonly string[]): unknown {
  const sample = values[0];
  if (typeof sample === 'number') {
    const numbers = values as number[];
    const sum = numbers.reduce((total, value) => total + value, 0);
    return SUMMED.has(path.at(-1) ?? '') ? sum : round(sum / numbers.length);
  }
  if (Array.isArray(sample)) {
    return sample.map((_, index) =>
      mean(
        values.map((value) => (value as unknown[])[index]),
        path,
      ),
    );
  }
  if (sample !== null && typeof sample === 'object') {
    return Object.fromEntries(
      Object.keys(sample).map((key) => [
        key,
        mean(
          values.map((value) => (value as Record<string, unknown>)[key]),
          [...path, key],
        ),
      ]),
    );
  }
  return sample;
}
