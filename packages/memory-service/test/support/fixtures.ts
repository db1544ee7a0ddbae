import type { Episode } from '@slm/memory-core';
import type { ErrorBody } from '../../src/index.js';
import type { TestService } from './service-harness.js';

export type EpisodeBody = { episode: Episode };
export type { ErrorBody };

export const EPISODE_INPUT = {
  taskDescription: 'Fix the failing checkout test in the payment service',
  taskType: 'debugging',
  context: { domain: 'payments', language: 'typescript', tags: ['checkout'] },
  labels: ['flaky'],
} as const;

export function stepInput(stepNumber: number, tool = 'run_tests', ok = true) {
  return {
    stepNumber,
    tool,
    action: `${tool} step ${stepNumber}`,
    parameters: { file: 'checkout.test.ts' },
    result: ok ? { type: 'success', output: 'passed' } : { type: 'error', message: 'assertion failed' },
    latencyMs: 12,
  };
}

/** Creates an episode through the API and returns it (fails the test when creation fails). */
export async function createEpisode(
  service: TestService,
  key?: string,
  input: Record<string, unknown> = EPISODE_INPUT,
): Promise<Episode> {
  const response = await service.call<EpisodeBody>('POST', '/v1/episodes', { json: input, key });
  if (response.status !== 201) throw new Error(`create episode: ${response.status} ${response.text}`);
  return response.body.episode;
}

/** An episode with steps, completed successfully (so it is learned from and retrievable). */
export async function completedEpisode(
  service: TestService,
  key?: string,
  input: Record<string, unknown> = EPISODE_INPUT,
): Promise<Episode> {
  const episode = await createEpisode(service, key, input);
  const steps = await service.call('POST', `/v1/episodes/${episode.id}/steps`, {
    json: { steps: [stepInput(1, 'read_file'), stepInput(2, 'edit_file'), stepInput(3, 'run_tests')] },
    key,
  });
  if (steps.status !== 201) throw new Error(`log steps: ${steps.status} ${steps.text}`);
  const completed = await service.call<EpisodeBody>('POST', `/v1/episodes/${episode.id}/complete`, {
    json: { outcome: { type: 'success', verdict: 'tests pass' } },
    key,
  });
  if (completed.status !== 200) throw new Error(`complete: ${completed.status} ${completed.text}`);
  return completed.body.episode;
}
