import {
  type Episode,
  type ExecutionStep,
  type HeuristicContribution,
  type PatternContribution,
  uuidv7,
} from '@slm/memory-core';

export const NS = 'turso-test';

const BASE_MS = Date.parse('2025-03-01T12:00:00.000Z');

/** A fixed instant `minutes` after the tests' epoch. */
export function at(minutes: number): string {
  return new Date(BASE_MS + minutes * 60_000).toISOString();
}

export function step(stepNumber: number, overrides: Partial<ExecutionStep> = {}): ExecutionStep {
  return {
    stepNumber,
    at: at(stepNumber),
    tool: `tool_${stepNumber % 7}`,
    action: `action number ${stepNumber}`,
    parameters: { n: stepNumber },
    result: { type: 'success', output: `ok ${stepNumber}` },
    latencyMs: 10,
    metadata: {},
    ...overrides,
  };
}

export function episode(overrides: Partial<Episode> = {}): Episode {
  return {
    schemaVersion: 1,
    id: uuidv7(),
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

export function patternContribution(overrides: Partial<PatternContribution> = {}): PatternContribution {
  return {
    newId: uuidv7(),
    namespace: NS,
    similarityKey: 'tool_sequence|read_file>edit_file>run_tests|web-api',
    content: { type: 'tool_sequence', tools: ['read_file', 'edit_file', 'run_tests'] },
    context: { domain: 'web-api', tags: [] },
    occurrences: 1,
    successes: 1,
    latencyMs: 100,
    episodeId: uuidv7(),
    at: at(10),
    ...overrides,
  };
}

export function heuristicContribution(overrides: Partial<HeuristicContribution> = {}): HeuristicContribution {
  return {
    newId: uuidv7(),
    namespace: NS,
    key: 'web-api|check the session|use edit_file',
    condition: 'In web-api, check the session',
    action: 'Use edit_file to guard the null session',
    domain: 'web-api',
    success: 1,
    episodeId: uuidv7(),
    at: at(10),
    ...overrides,
  };
}
