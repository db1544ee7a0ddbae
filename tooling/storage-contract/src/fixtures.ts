import {
  type Episode,
  type ExecutionStep,
  type HeuristicContribution,
  type PatternContent,
  type PatternContribution,
  type RecommendationFeedback,
  type RecommendationSession,
  type Relationship,
  type RelationshipType,
  type TaskOutcome,
  uuidv7,
} from '@slm/memory-core';

/** Namespaces the suite writes to; a second one proves that nothing leaks across. */
export const NS = 'contract';
export const OTHER_NS = 'contract-other';

const BASE_MS = Date.parse('2025-03-01T12:00:00.000Z');

/** A fixed instant `minutes` after the suite's epoch, so ordering never depends on the wall clock. */
export function at(minutes: number): string {
  return new Date(BASE_MS + minutes * 60_000).toISOString();
}

export function newId(): string {
  return uuidv7();
}

export function step(stepNumber: number, overrides: Partial<ExecutionStep> = {}): ExecutionStep {
  return {
    stepNumber,
    at: at(stepNumber),
    tool: `tool_${stepNumber}`,
    action: `action number ${stepNumber}`,
    parameters: { n: stepNumber },
    result: { type: 'success', output: `ok ${stepNumber}` },
    latencyMs: 10 * stepNumber,
    metadata: {},
    ...overrides,
  };
}

/** An open episode; pass `startedAt` to control list order. */
export function episode(overrides: Partial<Episode> = {}): Episode {
  return {
    schemaVersion: 1,
    id: newId(),
    namespace: NS,
    taskType: 'debugging',
    taskDescription: 'Fix the failing checkout test',
    context: { domain: 'web-api', language: 'typescript', complexity: 'moderate', tags: ['backend'] },
    startedAt: at(0),
    steps: [],
    patternIds: [],
    heuristicIds: [],
    labels: [],
    metadata: {},
    checkpoints: [],
    version: 1,
    ...overrides,
  };
}

export const SUCCESS: TaskOutcome = { type: 'success', verdict: 'done', artifacts: ['src/a.ts'] };
export const FAILURE: TaskOutcome = { type: 'failure', reason: 'gave up' };

/** The episode as completion would write it: ended, with an outcome and a reward. */
export function completed(open: Episode, outcome: TaskOutcome = SUCCESS, rewardTotal = 1): Episode {
  return {
    ...open,
    endedAt: new Date(Date.parse(open.startedAt) + 60_000).toISOString(),
    outcome,
    reward: {
      total: rewardTotal,
      base: rewardTotal,
      efficiency: 1,
      complexityBonus: 1,
      qualityMultiplier: 1,
      learningBonus: 0,
      abstention: 0,
    },
    learning: { status: 'pending' },
  };
}

/** A completed episode ready to insert (completion state stored directly, as import does). */
export function completedEpisode(overrides: Partial<Episode> = {}, outcome: TaskOutcome = SUCCESS): Episode {
  return completed(episode(overrides), outcome);
}

export function patternContribution(
  overrides: Partial<PatternContribution> & { episodeId?: string } = {},
): PatternContribution {
  const content: PatternContent = { type: 'tool_sequence', tools: ['read_file', 'edit_file', 'run_tests'] };
  return {
    newId: newId(),
    namespace: NS,
    similarityKey: 'tool_sequence|read_file>edit_file>run_tests|web-api',
    content,
    context: { domain: 'web-api', language: 'typescript', tags: [] },
    occurrences: 1,
    successes: 1,
    latencyMs: 100,
    episodeId: newId(),
    at: at(10),
    ...overrides,
  };
}

export function heuristicContribution(overrides: Partial<HeuristicContribution> = {}): HeuristicContribution {
  return {
    newId: newId(),
    namespace: NS,
    key: 'web-api|check the session|use edit_file',
    condition: 'In web-api, check the session',
    action: 'Use edit_file to guard the null session',
    domain: 'web-api',
    success: 1,
    episodeId: newId(),
    at: at(10),
    ...overrides,
  };
}

export function relationship(
  fromEpisodeId: string,
  toEpisodeId: string,
  type: RelationshipType = 'related_to',
  overrides: Partial<Relationship> = {},
): Relationship {
  return {
    id: newId(),
    namespace: NS,
    fromEpisodeId,
    toEpisodeId,
    type,
    reason: 'contract',
    priority: 5,
    createdBy: 'contract-suite',
    createdAt: at(20),
    ...overrides,
  };
}

export function session(overrides: Partial<RecommendationSession> = {}): RecommendationSession {
  return {
    id: newId(),
    namespace: NS,
    query: 'fix the checkout test',
    patternIds: [],
    playbookIds: [],
    episodeIds: [],
    createdAt: at(30),
    ...overrides,
  };
}

export function feedback(
  sessionId: string,
  overrides: Partial<RecommendationFeedback> = {},
): RecommendationFeedback {
  return {
    id: newId(),
    namespace: NS,
    sessionId,
    appliedPatternIds: [],
    appliedPlaybookIds: [],
    consultedEpisodeIds: [],
    outcome: SUCCESS,
    createdAt: at(40),
    ...overrides,
  };
}

/** A unit vector along `axis` (cosine 1 with itself, 0 with other axes). */
export function axis(dimensions: number, index: number): Float32Array {
  const vector = new Float32Array(dimensions);
  vector[index % dimensions] = 1;
  return vector;
}

/** A vector `weight` of the way from axis 0 towards axis 1 (cosine with axis 0 falls as weight grows). */
export function blend(dimensions: number, weight: number): Float32Array {
  const vector = new Float32Array(dimensions);
  vector[0] = 1 - weight;
  vector[1] = weight;
  return vector;
}

/** A deterministic non-trivial vector, so round trips compare every component. */
export function patterned(dimensions: number, seed: number): Float32Array {
  const vector = new Float32Array(dimensions);
  for (let index = 0; index < dimensions; index++) vector[index] = Math.sin(seed * 7.1 + index * 0.37);
  return vector;
}
