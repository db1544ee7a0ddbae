import type { EvalEpisode, EvalQuery } from '../src/benchmark/types.js';

/** A stored episode of a class, for metric tests (the ingest fields are irrelevant to scoring). */
export function episode(key: string, group: string, successful = true): EvalEpisode {
  return {
    key,
    group,
    successful,
    start: { taskDescription: key },
    steps: [],
    outcome: successful ? { type: 'success' } : { type: 'failure' },
  };
}

export function query(key: string, group: string, text = key): EvalQuery {
  return { key, group, text, context: {} };
}
