import type { Episode, ExecutionStep, HeuristicContribution, PatternContribution } from '@slm/memory-core';
import * as contract from '@slm/storage-contract/fixtures';

/** The contract suite's record builders, in this package's own namespace. */
export const NS = 'turso-test';
export const { at } = contract;

export function step(stepNumber: number, overrides: Partial<ExecutionStep> = {}): ExecutionStep {
  return contract.step(stepNumber, { tool: `tool_${stepNumber % 7}`, latencyMs: 10, ...overrides });
}

export function episode(overrides: Partial<Episode> = {}): Episode {
  return contract.episode({ namespace: NS, ...overrides });
}

export function patternContribution(overrides: Partial<PatternContribution> = {}): PatternContribution {
  return contract.patternContribution({
    namespace: NS,
    context: { domain: 'web-api', tags: [] },
    ...overrides,
  });
}

export function heuristicContribution(overrides: Partial<HeuristicContribution> = {}): HeuristicContribution {
  return contract.heuristicContribution({ namespace: NS, ...overrides });
}

export const { completed } = contract;
