import { type AppendStepsResult, type ExecutionStep, LIMITS, sameStepContent } from '@slm/memory-core';
import { conflict, invalid, notFound } from '../failures.js';
import type { Combiner, Outcome } from '../sql/group-commit.js';
import { numeric, optionalNumeric, optionalText, text } from '../sql/row.js';
import type { SqlRunner } from '../sql/runner.js';
import { insertStepRowsStatements, type StepRow } from './episode-side-tables.js';

export interface AppendRequest {
  namespace: string;
  episodeId: string;
  steps: readonly ExecutionStep[];
}

/** What one batch knows of an episode: its row, stored step count, and the numbers written so far. */
interface EpisodeState {
  seq: number | undefined;
  namespace: string | undefined;
  completed: boolean;
  stepCount: number;
  /** Steps among the requested numbers: stored ones, then those this batch adds (compared only on collision). */
  known: Map<number, ExecutionStep>;
}

/**
 * Step appends of every caller in a group commit, in three statements however many callers: one lookup of all
 * their episodes (row, step count, and the stored steps with the requested numbers), one multi-row INSERT of
 * the new steps, one UPDATE marking the search documents stale (see search-documents.ts). Each request is
 * checked in arrival order against what the requests before it wrote, so the outcome is the one serial appends
 * would give: identical steps are no-ops, a known number with other content fails that request with
 * `CONFLICT` and writes none of its steps, as do `NOT_FOUND`, completed episodes and the 1,000-step limit.
 * The episode row is never rewritten.
 */
export const stepAppender: Combiner<AppendRequest, AppendStepsResult> = {
  async runMany(
    runner: SqlRunner,
    requests: readonly AppendRequest[],
  ): Promise<Array<Outcome<AppendStepsResult>>> {
    const states = await loadStates(runner, requests);
    const rows: StepRow[] = [];
    const touched = new Set<number>();
    const outcomes = requests.map((request): Outcome<AppendStepsResult> => {
      try {
        const state = states.get(request.episodeId)!;
        const fresh = checkRequest(state, request);
        for (const step of fresh) {
          state.known.set(step.stepNumber, step);
          rows.push({ episodeSeq: state.seq!, step, pending: true });
        }
        state.stepCount += fresh.length;
        if (fresh.length > 0) touched.add(state.seq!);
        const result = {
          appended: fresh.length,
          unchanged: request.steps.length - fresh.length,
          stepCount: state.stepCount,
        };
        return { ok: true, value: result };
      } catch (error) {
        return { ok: false, error };
      }
    });
    if (rows.length > 0) {
      await runner.batch([
        ...insertStepRowsStatements(rows),
        {
          sql: 'UPDATE episode_documents SET stale = 1 WHERE stale = 0 AND seq IN (SELECT value FROM json_each(?))',
          args: [JSON.stringify([...touched])],
        },
      ]);
    }
    return outcomes;
  },
};

/** One statement for every episode of the batch, with the stored steps among the numbers it asks for. */
async function loadStates(
  runner: SqlRunner,
  requests: readonly AppendRequest[],
): Promise<Map<string, EpisodeState>> {
  const numbers = new Map<string, Set<number>>();
  for (const request of requests) {
    const wanted = numbers.get(request.episodeId) ?? new Set<number>();
    for (const step of request.steps) wanted.add(step.stepNumber);
    numbers.set(request.episodeId, wanted);
  }
  const lookup = JSON.stringify([...numbers].map(([id, wanted]) => ({ id, numbers: [...wanted] })));
  const result = await runner.execute({
    sql: `SELECT r.value ->> '$.id' AS id, e.seq AS seq, e.namespace AS namespace, e.ended_at AS ended_at,
            (SELECT count(*) FROM steps s WHERE s.episode_seq = e.seq) AS step_count,
            (SELECT json_group_object(s.step_number, s.record) FROM steps s
              WHERE s.episode_seq = e.seq AND s.step_number IN (SELECT value FROM json_each(r.value, '$.numbers'))) AS stored
          FROM json_each(?) r LEFT JOIN episodes e ON e.id = r.value ->> '$.id'`,
    args: [lookup],
  });
  const states = new Map<string, EpisodeState>();
  for (const row of result.rows) {
    const stored = JSON.parse(optionalText(row, 'stored') ?? '{}') as Record<string, string>;
    const known = new Map<number, ExecutionStep>();
    for (const [number, record] of Object.entries(stored))
      known.set(Number(number), JSON.parse(record) as ExecutionStep);
    states.set(text(row, 'id'), {
      seq: optionalNumeric(row, 'seq'),
      namespace: optionalText(row, 'namespace'),
      completed: optionalNumeric(row, 'ended_at') !== undefined,
      stepCount: row['step_count'] === null ? 0 : numeric(row, 'step_count'),
      known,
    });
  }
  return states;
}

/** The steps of a request that are new, or the reason the whole request is refused. */
function checkRequest(state: EpisodeState, request: AppendRequest): ExecutionStep[] {
  const { namespace, episodeId } = request;
  if (state.seq === undefined || state.namespace !== namespace)
    throw notFound('episode', episodeId, namespace);
  if (state.completed) {
    throw conflict(`episode ${episodeId} is completed: steps can no longer be logged`, { episodeId });
  }
  const seen = new Map<number, ExecutionStep>();
  const fresh: ExecutionStep[] = [];
  for (const step of request.steps) {
    const known = state.known.get(step.stepNumber) ?? seen.get(step.stepNumber);
    if (known === undefined) {
      seen.set(step.stepNumber, step);
      fresh.push(step);
    } else if (!sameStepContent(known, step)) {
      throw conflict(
        `step ${step.stepNumber} of episode ${episodeId} was already logged with different content`,
        {
          episodeId,
          stepNumber: step.stepNumber,
        },
      );
    }
  }
  if (state.stepCount + fresh.length > LIMITS.stepsPerEpisode) {
    throw invalid(`episode ${episodeId} would exceed ${LIMITS.stepsPerEpisode} steps`, {
      episodeId,
      limit: LIMITS.stepsPerEpisode,
    });
  }
  return fresh;
}
