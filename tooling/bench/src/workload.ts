import {
  type Episode,
  EpisodeSchema,
  type RetrieveContextInput,
  type StartEpisodeInput,
  type StepInput,
  type TaskOutcomeInput,
} from '@slm/memory-core';
import { seededRandom } from '@slm/vitest-config/seeded-random';

/**
 * A deterministic synthetic workload: software tasks built from small vocabularies, so that benchmarks are
 * repeatable and cost what realistic text costs (a few hundred characters per description and step).
 */
const VERBS = [
  'fix',
  'add',
  'refactor',
  'test',
  'document',
  'optimise',
  'migrate',
  'review',
  'debug',
  'remove',
];
const OBJECTS = [
  'the login flow',
  'pagination on the users endpoint',
  'the payment webhook',
  'the CSV export',
  'rate limiting',
  'the search index',
  'the session cache',
  'error reporting',
  'the billing job',
  'the onboarding email',
  'feature flags',
  'the audit log',
  'image uploads',
  'the retry policy',
];
const DOMAINS = ['web-api', 'data-pipeline', 'frontend', 'infrastructure', 'mobile'];
const LANGUAGES = ['typescript', 'python', 'go', 'rust'];
const TOOLS = [
  'read_file',
  'search_code',
  'edit_file',
  'run_tests',
  'run_linter',
  'shell',
  'git_diff',
  'open_pr',
];

/** The benchmarks' seeded PRNG (mulberry32), shared with the tests. */
export const random: (seed: number) => () => number = seededRandom;

function pick<T>(values: readonly T[], next: () => number): T {
  return values[Math.floor(next() * values.length)]!;
}

export function taskInput(next: () => number): StartEpisodeInput {
  const verb = pick(VERBS, next);
  const object = pick(OBJECTS, next);
  return {
    taskDescription: `${verb} ${object} so that ${pick(OBJECTS, next)} keeps working; check ${pick(OBJECTS, next)}`,
    taskType:
      verb === 'test' ? 'testing' : verb === 'debug' || verb === 'fix' ? 'debugging' : 'code_generation',
    context: { domain: pick(DOMAINS, next), language: pick(LANGUAGES, next), tags: [verb] },
  };
}

export function steps(count: number, next: () => number, firstStep = 1): StepInput[] {
  return Array.from({ length: count }, (_, index) => {
    const failed = next() < 0.1;
    const tool = pick(TOOLS, next);
    return {
      stepNumber: firstStep + index,
      tool,
      action: `${tool.replace('_', ' ')} for ${pick(OBJECTS, next)}`,
      parameters: { path: `src/${pick(VERBS, next)}/${index}.ts`, attempt: 1 },
      result: failed
        ? { type: 'error', message: `${tool} failed: exit code 1` }
        : { type: 'success', output: 'ok' },
      latencyMs: Math.round(next() * 500),
    };
  });
}

export function queryText(next: () => number): string {
  return `${pick(VERBS, next)} ${pick(OBJECTS, next)} in the ${pick(DOMAINS, next)} service`;
}

/** What an agent asks before a task: a short query and its domain, five results. */
export function retrievalQuery(next: () => number): RetrieveContextInput {
  return { query: queryText(next), context: { domain: pick(DOMAINS, next) }, limit: 5 };
}

/** Four in five tasks succeed, as in a working agent's history. */
export function outcome(next: () => number): TaskOutcomeInput {
  return next() < 0.8
    ? { type: 'success', verdict: 'done', artifacts: [] }
    : { type: 'failure', reason: 'tests still fail' };
}

export interface CompletedEpisodeOptions {
  id: string;
  /** When it ended (ms since the epoch); it started a minute earlier. */
  endedAtMs: number;
  outcome: TaskOutcomeInput;
}

/** A completed episode record as storage holds it, before any learning records are attached. */
export function completedEpisode(
  next: () => number,
  stepCount: number,
  options: CompletedEpisodeOptions,
): Episode {
  const input = taskInput(next);
  const startedAt = new Date(options.endedAtMs - 60_000).toISOString();
  return EpisodeSchema.parse({
    id: options.id,
    namespace: 'default',
    taskDescription: input.taskDescription,
    taskType: input.taskType,
    context: input.context,
    startedAt,
    endedAt: new Date(options.endedAtMs).toISOString(),
    steps: steps(stepCount, next).map((step) => ({ ...step, at: startedAt })),
    outcome: options.outcome,
    version: 1,
  });
}

export { DOMAINS };
