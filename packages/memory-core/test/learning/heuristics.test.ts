import { describe, expect, it } from 'vitest';
import { extractHeuristics } from '../../src/learning/heuristics.js';
import { buildEpisode, type EpisodeSpec, episodeId, failed, idSequence, ok, SUCCESS } from './episodes.js';

const AT = '2025-01-02T00:00:00.000Z';
const heuristics = (spec: EpisodeSpec) =>
  extractHeuristics(buildEpisode(spec), { newId: idSequence(), at: AT });

describe('extractHeuristics', () => {
  it('turns a decision and the step after it into a condition → action rule', () => {
    const [rule, ...rest] = heuristics({
      steps: [ok('shell', 'Check if port 8080 is free'), ok('server', 'Start the dev server on port 8080')],
      outcome: SUCCESS,
    });
    expect(rest).toEqual([]);
    expect(rule).toMatchObject({
      condition: 'In web-api using typescript, check if port 8080 is free',
      action: 'Use server to start the dev server on port 8080',
      domain: 'web-api',
      namespace: 'team-a',
      success: 1,
      episodeId: episodeId(1),
      at: AT,
    });
  });

  it('omits the language when there is none and keeps acronyms', () => {
    const [rule] = heuristics({
      steps: [ok('http', 'Verify the token'), ok('http', 'API call with the token')],
      outcome: SUCCESS,
      context: { domain: 'auth' },
    });
    expect(rule?.condition).toBe('In auth, verify the token');
    expect(rule?.action).toBe('Use http to API call with the token');
  });

  it('keys the same rule alike across episodes, whatever the numbers', () => {
    const keyFor = (port: number, id: number) =>
      heuristics({
        id: episodeId(id),
        steps: [ok('shell', `Check if port ${port} is free`), ok('server', `Start on port ${port}`)],
        outcome: SUCCESS,
      })[0]?.key;
    expect(keyFor(8080, 1)).toBe(keyFor(3000, 2));
  });

  it('weighs partial episodes by their outcome and records failures as evidence against', () => {
    const steps = [ok('shell', 'Check the disk'), ok('cleanup', 'Remove old logs')];
    expect(
      heuristics({ steps, outcome: { type: 'partial_success', completed: ['a'], failed: ['b'] } })[0]
        ?.success,
    ).toBe(0.5);
    expect(heuristics({ steps, outcome: { type: 'failure', reason: 'disk full' } })[0]?.success).toBe(0);
    expect(heuristics({ steps, outcome: { type: 'abstained', reason: 'no access' } })).toEqual([]);
    expect(heuristics({ steps })).toEqual([]); // open episode
  });

  it('needs a following step and yields one rule per key per episode', () => {
    expect(
      heuristics({ steps: [ok('a', 'do it'), ok('shell', 'Check the disk')], outcome: SUCCESS }),
    ).toEqual([]);
    const rules = heuristics({
      steps: [
        ok('shell', 'Check the disk'),
        ok('cleanup', 'Remove old logs'),
        failed('shell', 'x', 'Check the disk'),
        ok('cleanup', 'Remove old logs'),
      ],
      outcome: SUCCESS,
    });
    expect(rules).toHaveLength(1);
  });
});
