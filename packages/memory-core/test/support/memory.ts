import {
  type CreateMemoryOptions,
  createMemory,
  type SelfLearningMemory,
  type StepInput,
} from '../../src/index.js';
import { createInMemoryStorage } from '../../src/testing.js';

/** A memory on a fresh in-memory backend with the default local embedder. */
export function newMemory(options: Partial<CreateMemoryOptions> = {}): Promise<SelfLearningMemory> {
  return createMemory({ storage: createInMemoryStorage(), ...options });
}

/** Steps read → test (fails) → edit → test (passes): a debugging run with one recovery. */
export function debuggingSteps(): StepInput[] {
  return [
    {
      stepNumber: 1,
      tool: 'read_logs',
      action: 'Read the service logs',
      result: { type: 'success' },
      latencyMs: 40,
    },
    {
      stepNumber: 2,
      tool: 'run_tests',
      action: 'Run the failing test',
      result: { type: 'error', message: 'expected 200, got 500' },
      latencyMs: 900,
    },
    {
      stepNumber: 3,
      tool: 'edit_file',
      action: 'Check the null session before use',
      result: { type: 'success' },
      latencyMs: 30,
    },
    {
      stepNumber: 4,
      tool: 'run_tests',
      action: 'Run the suite again',
      result: { type: 'success' },
      latencyMs: 850,
    },
  ];
}

/** Starts, logs and completes one successful debugging episode. */
export async function completedDebuggingEpisode(
  memory: SelfLearningMemory,
  description: string,
  domain = 'web-api',
) {
  const episode = await memory.startEpisode({
    taskDescription: description,
    taskType: 'debugging',
    context: { domain, language: 'typescript' },
  });
  await memory.logSteps(episode.id, debuggingSteps());
  return memory.completeEpisode(episode.id, { type: 'success', verdict: 'fixed', artifacts: ['src/a.ts'] });
}

/** Asserts that a promise rejects with a MemoryError of the given code and returns it. */
export async function rejectsWithCode(
  promise: Promise<unknown>,
  code: string,
): Promise<Error & { code: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const typed = error as Error & { code: string };
    if (typed.code !== code) throw new Error(`expected ${code}, got ${typed.code}: ${typed.message}`);
    return typed;
  }
  throw new Error(`expected a ${code} rejection, but the call succeeded`);
}
