import { describe, expect, it } from 'vitest';
import type { PatternContribution } from '../../src/domain/pattern.js';
import { errorClass, extractPatterns } from '../../src/learning/patterns/index.js';
import { buildEpisode, type EpisodeSpec, failed, idSequence, ok, SUCCESS, timedOut } from './episodes.js';

function recoveries(spec: EpisodeSpec): PatternContribution[] {
  return extractPatterns(buildEpisode(spec), { newId: idSequence(), at: '2025-01-02T00:00:00.000Z' }).filter(
    (contribution) => contribution.content.type === 'error_recovery',
  );
}

describe('error classes', () => {
  it('makes the same error with different numbers and paths one class', () => {
    const first = errorClass('timeout after 30s on /tmp/a.txt');
    expect(first).toBe('timeout after <n>s on <path>');
    expect(errorClass('Timeout after 45s on /var/b.txt')).toBe(first);
  });

  it('strips ids, quoted values, urls and relative file paths, lower-cases and collapses whitespace', () => {
    expect(errorClass('User 0190e4a0-0000-7000-8000-000000000001 not found')).toBe('user <id> not found');
    expect(errorClass("Cannot read property 'name' of undefined")).toBe(
      'cannot read property <value> of undefined',
    );
    expect(errorClass('Module "lodash" not found in src/lib/util.ts')).toBe(
      'module <value> not found in <path>',
    );
    expect(errorClass('GET https://api.example.com/v1/users?id=3 failed:   HTTP 503.')).toBe(
      'get <url> failed: http <n>',
    );
    expect(errorClass('commit 3f9a2c1d8e is missing')).toBe('commit <id> is missing');
    expect(errorClass("can't parse utf8 input")).toBe("can't parse utf8 input");
  });

  it('is bounded and never empty', () => {
    expect(errorClass('x '.repeat(5_000)).length).toBeLessThanOrEqual(160);
    expect(errorClass('   ')).toBe('error');
  });
});

describe('error recovery extraction', () => {
  it('pairs an error with the successful steps that follow it', () => {
    const found = recoveries({
      steps: [
        failed('run_tests', 'expected 200, got 500'),
        ok('edit_file'),
        ok('edit_file'),
        ok('run_tests'),
        ok('git_commit'),
        ok('open_pr'),
      ],
      outcome: SUCCESS,
    });
    expect(found.map((contribution) => contribution.content)).toEqual([
      {
        type: 'error_recovery',
        errorType: 'expected <n>, got <n>',
        recoverySteps: ['edit_file', 'run_tests', 'git_commit'],
      },
    ]);
    expect(found[0]?.successes).toBe(1);
  });

  it('classes a timeout as "timeout" and needs a successful next step', () => {
    const found = recoveries({
      steps: [timedOut('fetch'), failed('fetch', 'again'), ok('fetch')],
      outcome: SUCCESS,
    });
    // the timeout is followed by an error, so only "again" → fetch is a recovery
    expect(found.map((contribution) => contribution.content)).toEqual([
      { type: 'error_recovery', errorType: 'again', recoverySteps: ['fetch'] },
    ]);
    expect(recoveries({ steps: [ok('a'), timedOut('b'), ok('c')], outcome: SUCCESS })[0]?.content).toEqual({
      type: 'error_recovery',
      errorType: 'timeout',
      recoverySteps: ['c'],
    });
  });

  it('merges the same error class recurring in one episode and counts the outcome', () => {
    const found = recoveries({
      steps: [
        failed('read', 'timeout after 30s on /tmp/a.txt'),
        ok('retry'),
        failed('read', 'timeout after 45s on /var/b.txt'),
        ok('retry'),
      ],
      outcome: { type: 'failure', reason: 'gave up' },
    });
    expect(found).toHaveLength(1);
    expect(found[0]?.occurrences).toBe(1);
    expect(found[0]?.successes).toBe(0);
  });
});
