import { describe, expect, it } from 'vitest';
import { extractPatterns, MAX_CONTRIBUTIONS_PER_TYPE } from '../../src/learning/patterns/index.js';
import { buildEpisode, episodeId, failed, idSequence, ok, SUCCESS } from './episodes.js';

const AT = '2025-01-02T00:00:00.000Z';

/** read → test (fails) → "check" edit → test: one recovery, one decision, one sequence, one context. */
function debuggingEpisode(index: number, failingTest: string) {
  return buildEpisode({
    id: episodeId(index),
    steps: [
      ok('read_logs', `Read the logs of request ${index}`, 40),
      failed('run_tests', failingTest),
      ok('edit_file', `Check the null session in handler ${index}`, 30),
      ok('run_tests', 'Run the suite again', 850),
    ],
    outcome: SUCCESS,
    context: { domain: 'web-api', language: 'typescript', tags: ['auth'] },
  });
}

describe('extractPatterns', () => {
  it('yields nothing for an open episode', () => {
    expect(
      extractPatterns(buildEpisode({ steps: [ok('a'), ok('b')] }), { newId: idSequence(), at: AT }),
    ).toEqual([]);
  });

  it('carries the episode namespace, context, id and time on every contribution', () => {
    const episode = debuggingEpisode(1, 'expected 200, got 500');
    const contributions = extractPatterns(episode, { newId: idSequence(), at: AT });
    expect(contributions.map((contribution) => contribution.content.type)).toEqual([
      'tool_sequence',
      'decision_point',
      'error_recovery',
      'context_pattern',
    ]);
    for (const contribution of contributions) {
      expect(contribution.namespace).toBe('team-a');
      expect(contribution.episodeId).toBe(episode.id);
      expect(contribution.at).toBe(AT);
      expect(contribution.occurrences).toBe(1);
      expect(contribution.context).toEqual({ domain: 'web-api', language: 'typescript', tags: ['auth'] });
      expect(contribution.similarityKey.startsWith(`${contribution.content.type}|web-api|`)).toBe(true);
    }
    expect(new Set(contributions.map((contribution) => contribution.newId)).size).toBe(contributions.length);
  });

  it('gives three similar episodes the same similarity keys, so storage merges them', () => {
    const keys = [
      debuggingEpisode(1, 'expected 200, got 500'),
      debuggingEpisode(2, 'expected 201, got 502'),
      debuggingEpisode(3, 'Expected 200, got 500.'),
    ].map((episode) =>
      extractPatterns(episode, { newId: idSequence(), at: AT }).map(
        (contribution) => contribution.similarityKey,
      ),
    );
    expect(keys[0]).toHaveLength(4);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    expect(keys[0]).toContain('tool_sequence|web-api|edit_file>run_tests');
  });

  it('keys the same content differently in different domains', () => {
    const steps = [ok('a'), ok('b')];
    const keyIn = (domain: string) =>
      extractPatterns(buildEpisode({ steps, outcome: SUCCESS, context: { domain } }), {
        newId: idSequence(),
        at: AT,
      })[0]?.similarityKey;
    expect(keyIn('frontend')).not.toBe(keyIn('backend'));
  });

  it('bounds the contributions of a very long episode', () => {
    const steps = Array.from({ length: 1_000 }, (_, index) => ok(`tool_${index}`, `Check item ${index}`));
    const contributions = extractPatterns(buildEpisode({ steps, outcome: SUCCESS }), {
      newId: idSequence(),
      at: AT,
    });
    const sequences = contributions.filter((contribution) => contribution.content.type === 'tool_sequence');
    expect(sequences).toHaveLength(MAX_CONTRIBUTIONS_PER_TYPE);
    // "Check item <n>" normalises to one decision
    expect(
      contributions.filter((contribution) => contribution.content.type === 'decision_point'),
    ).toHaveLength(1);
  });
});
