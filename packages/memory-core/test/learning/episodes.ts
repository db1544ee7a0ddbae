import type { TaskContextInput } from '../../src/domain/context.js';
import { type Episode, EpisodeSchema } from '../../src/domain/episode.js';
import type { Reflection } from '../../src/domain/learning-records.js';
import type { TaskOutcomeInput } from '../../src/domain/outcome.js';
import type { StepInput } from '../../src/domain/step.js';

export const STARTED_AT = '2025-01-01T00:00:00.000Z';
const START_MS = Date.parse(STARTED_AT);

/** A step without its number and time: `buildEpisode` numbers steps 1, 2, … one second apart. */
export type StepSpec = Omit<StepInput, 'stepNumber' | 'at'>;

export function ok(tool: string, action = `run ${tool}`, latencyMs = 100): StepSpec {
  return { tool, action, result: { type: 'success' }, latencyMs };
}

export function failed(tool: string, message: string, action = `run ${tool}`, latencyMs = 100): StepSpec {
  return { tool, action, result: { type: 'error', message }, latencyMs };
}

export function timedOut(tool: string, action = `run ${tool}`, latencyMs = 100): StepSpec {
  return { tool, action, result: { type: 'timeout' }, latencyMs };
}

export interface EpisodeSpec {
  id?: string;
  steps?: StepSpec[];
  /** Omit for an open episode. */
  outcome?: TaskOutcomeInput;
  /** Seconds from start to end (completed episodes only). */
  seconds?: number;
  context?: TaskContextInput;
  metadata?: Record<string, string>;
  reflection?: Reflection;
}

/** A valid episode (checked with `EpisodeSchema.parse`), completed when an outcome is given. */
export function buildEpisode(spec: EpisodeSpec = {}): Episode {
  const steps = (spec.steps ?? []).map((step, index) => ({
    ...step,
    stepNumber: index + 1,
    at: new Date(START_MS + (index + 1) * 1_000).toISOString(),
  }));
  const completed = spec.outcome !== undefined;
  return EpisodeSchema.parse({
    id: spec.id ?? episodeId(1),
    namespace: 'team-a',
    taskType: 'debugging',
    taskDescription: 'Fix the login error',
    context: spec.context ?? { domain: 'web-api', language: 'typescript', complexity: 'simple' },
    startedAt: STARTED_AT,
    ...(completed ? { endedAt: new Date(START_MS + (spec.seconds ?? 60) * 1_000).toISOString() } : {}),
    steps,
    ...(completed ? { outcome: spec.outcome } : {}),
    ...(spec.reflection ? { reflection: spec.reflection } : {}),
    metadata: spec.metadata ?? {},
    version: 1,
  });
}

/** A valid UUID v7-shaped id that differs by `index`. */
export function episodeId(index: number): string {
  return `0190e4a0-0000-7000-8000-${index.toString().padStart(12, '0')}`;
}

/** Deterministic ids for contributions. */
export function idSequence(): () => string {
  let next = 100;
  return () => episodeId(next++);
}

export const SUCCESS: TaskOutcomeInput = { type: 'success', verdict: 'fixed', artifacts: [] };
