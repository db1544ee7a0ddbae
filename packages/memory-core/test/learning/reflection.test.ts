import { describe, expect, it } from 'vitest';
import { ReflectionSchema } from '../../src/domain/learning-records.js';
import { createRuleBasedReflector, ruleBasedReflection } from '../../src/learning/reflection.js';
import { extractSalientFeatures } from '../../src/learning/salient-features.js';
import { buildEpisode, type EpisodeSpec, failed, ok } from './episodes.js';

function reflect(spec: EpisodeSpec) {
  const episode = buildEpisode(spec);
  return ruleBasedReflection(episode, extractSalientFeatures(episode));
}

describe('rule-based reflection', () => {
  it('describes a success', () => {
    const reflection = reflect({
      steps: [
        ok('read_logs'),
        failed('run_tests', 'boom'),
        ok('edit_file'),
        ok('run_tests'),
        ok('git_commit'),
      ],
      outcome: { type: 'success', verdict: 'fixed the login', artifacts: ['src/a.ts'] },
      seconds: 20,
    });
    expect(reflection.successes).toEqual([
      'Completed the task: fixed the login',
      'Produced 1 artifact(s): src/a.ts',
      'High step success rate: 80% (4/5 steps)',
      'Effective tool sequence: edit_file → run_tests → git_commit',
      'Efficient: 5 step(s) in 20 s',
    ]);
    expect(reflection.improvements).toEqual(['1 of 5 step(s) failed (run_tests)']);
    expect(reflection.insights).toEqual([
      'Recovered from a run_tests failure using edit_file',
      'Simple debugging task in the web-api domain',
      'For similar web-api tasks prioritise read_logs, edit_file, run_tests',
    ]);
    expect(reflection.generatedAt).toBe('2025-01-01T00:00:20.000Z');
  });

  it('describes a failure: reason, repeated errors, slow steps, redundancy, long runs', () => {
    const reflection = reflect({
      steps: [
        failed('deploy', 'timeout after 30s on /tmp/a', 'deploy', 100),
        failed('deploy', 'timeout after 45s on /tmp/b', 'deploy', 100),
        failed('deploy', 'timeout after 50s on /tmp/c', 'deploy', 100),
        failed('deploy', 'timeout after 55s on /tmp/d', 'deploy', 100),
        failed('deploy', 'timeout after 60s on /tmp/e', 'deploy', 100),
        ok('status', 'status', 9_000),
      ],
      outcome: { type: 'failure', reason: 'cluster unreachable' },
      seconds: 900,
    });
    // average latency (5 × 100 + 9000) / 6 = 1583 ms; 9000 > 3 × 1583 and > 1 s
    expect(reflection.improvements).toEqual([
      'Task failed: cluster unreachable',
      '5 of 6 step(s) failed (deploy)',
      'Repeated error (5 times): timeout after <n>s on <path>',
      'Slow step: status took 9000 ms (average 1583 ms)',
      'deploy was called 5 times: batch the calls or reuse results',
    ]);
    expect(reflection.successes).toEqual([]);
    expect(reflection.insights).toContain('Only 17% of steps succeeded: check preconditions before acting');
  });

  it('always gives a failed task at least one improvement', () => {
    expect(reflect({ outcome: { type: 'failure' } }).improvements).toEqual(['Task failed: no reason given']);
    expect(reflect({ outcome: { type: 'partial_success' } }).improvements).toEqual([
      'Review the approach before retrying similar tasks',
    ]);
  });

  it('keeps at most five short items per list', async () => {
    const long = 'x'.repeat(2_000);
    const steps = Array.from({ length: 40 }, (_, index) =>
      index % 2 === 0 ? failed('flaky', `${long} ${index}`, long, 5_000 * index) : ok(`tool_${index}`, long),
    );
    const episode = buildEpisode({
      steps,
      outcome: {
        type: 'partial_success',
        verdict: long,
        completed: [long.slice(0, 900)],
        failed: [long.slice(0, 900)],
      },
      seconds: 4_000,
      context: { domain: 'web-api', tags: ['a'] },
    });
    const reflection = await createRuleBasedReflector().reflect(episode, extractSalientFeatures(episode));
    expect(ReflectionSchema.parse(reflection)).toEqual(reflection);
    for (const list of [reflection.successes, reflection.improvements, reflection.insights]) {
      expect(list.length).toBeLessThanOrEqual(5);
      for (const item of list) expect(item.length).toBeLessThanOrEqual(300);
    }
    expect(reflection.improvements).toHaveLength(5);
  });
});
