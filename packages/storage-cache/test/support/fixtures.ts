import { type Episode, type ExecutionStep, uuidv7 } from '@slm/memory-core';

export const NS = 'cache-tests';
export const DIMENSIONS = 8;

const BASE_MS = Date.parse('2025-03-01T12:00:00.000Z');

export function at(minutes: number): string {
  return new Date(BASE_MS + minutes * 60_000).toISOString();
}

export function step(stepNumber: number): ExecutionStep {
  return {
    stepNumber,
    at: at(stepNumber),
    tool: `tool_${stepNumber}`,
    action: `action number ${stepNumber}`,
    parameters: { n: stepNumber },
    result: { type: 'success', output: `ok ${stepNumber}` },
    latencyMs: 10 * stepNumber,
    metadata: {},
  };
}

/** An open episode; `minute` orders episodes in listings (newest first). */
export function episode(minute = 0, overrides: Partial<Episode> = {}): Episode {
  return {
    schemaVersion: 1,
    id: uuidv7(),
    namespace: NS,
    taskType: 'debugging',
    taskDescription: `Fix the failing checkout test ${minute}`,
    context: { domain: 'web-api', language: 'typescript', complexity: 'moderate', tags: ['backend'] },
    startedAt: at(minute),
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
