import { describe, expect, it } from 'vitest';
import type { PatternContribution } from '../../src/domain/pattern.js';
import { extractPatterns } from '../../src/learning/patterns/index.js';
import { buildEpisode, type EpisodeSpec, failed, idSequence, ok, SUCCESS } from './episodes.js';

function sequences(spec: EpisodeSpec): PatternContribution[] {
  const contributions = extractPatterns(buildEpisode(spec), {
    newId: idSequence(),
    at: '2025-01-02T00:00:00.000Z',
  });
  return contributions.filter((contribution) => contribution.content.type === 'tool_sequence');
}

function tools(contribution: PatternContribution | undefined): string | undefined {
  return contribution?.content.type === 'tool_sequence' ? contribution.content.tools.join(',') : undefined;
}

describe('tool sequence extraction', () => {
  it('takes runs of consecutive successful steps, skipping across failures', () => {
    const found = sequences({
      steps: [
        ok('read_logs', 'r', 40),
        failed('run_tests', 'x'),
        ok('edit_file', 'e', 30),
        ok('run_tests', 't', 850),
      ],
      outcome: SUCCESS,
    });
    expect(found.map(tools)).toEqual(['edit_file,run_tests']);
    // latency = 30 + 850 = 880 (the run's steps)
    expect(found[0]?.latencyMs).toBe(880);
    expect(found[0]?.occurrences).toBe(1);
    expect(found[0]?.successes).toBe(1);
  });

  it('counts success from the episode outcome, not from the steps', () => {
    const steps = [ok('a'), ok('b')];
    const successes = (outcome: EpisodeSpec['outcome']) => sequences({ steps, outcome })[0]?.successes;
    expect(successes({ type: 'success' })).toBe(1);
    // partial: completed / (completed + failed) = 3 / 4
    expect(successes({ type: 'partial_success', completed: ['1', '2', '3'], failed: ['4'] })).toBe(0.75);
    expect(successes({ type: 'partial_success' })).toBe(0.5);
    expect(successes({ type: 'failure', reason: 'no' })).toBe(0);
    expect(successes({ type: 'abstained', reason: 'no' })).toBe(0);
  });

  it('yields windows of five tools from a longer run', () => {
    const found = sequences({
      steps: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((tool) => ok(tool)),
      outcome: SUCCESS,
    });
    // 7 tools → windows starting at a, b, c
    expect(found.map(tools)).toEqual(['a,b,c,d,e', 'b,c,d,e,f', 'c,d,e,f,g']);
  });

  it('collapses immediate repeats of a tool and sums their latency', () => {
    const found = sequences({
      steps: [ok('read', 'r1', 10), ok('read', 'r2', 20), ok('edit', 'e', 5)],
      outcome: SUCCESS,
    });
    expect(found.map(tools)).toEqual(['read,edit']);
    expect(found[0]?.latencyMs).toBe(35); // 10 + 20 + 5
  });

  it('ignores runs of one tool', () => {
    expect(sequences({ steps: [ok('a'), failed('b', 'x'), ok('c')], outcome: SUCCESS })).toEqual([]);
    expect(sequences({ steps: [ok('a'), ok('a')], outcome: SUCCESS })).toEqual([]);
  });

  it('counts a sequence once per episode, with its mean latency', () => {
    const found = sequences({
      steps: [
        ok('a', 'x', 100),
        ok('b', 'x', 100),
        failed('c', 'boom'),
        ok('a', 'x', 300),
        ok('b', 'x', 300),
      ],
      outcome: SUCCESS,
    });
    expect(found).toHaveLength(1);
    expect(found[0]?.occurrences).toBe(1);
    expect(found[0]?.latencyMs).toBe(400); // runs of 200 and 600 ms → mean 400
  });
});
