import { describe, expect, it } from 'vitest';
import { evalProgressReporter, evalProgressTotal } from './eval-progress.js';

describe('eval progress', () => {
  it('maps the harness messages to steps over variants and rounds', () => {
    const updates: Array<[number, string | undefined]> = [];
    const report = evalProgressReporter(
      { update: (done, phase) => updates.push([done, phase]), finish() {} },
      { signals: false, rounds: 2 },
    );
    for (const message of [
      'loaded 500 episodes, 115 test queries, 200 runs',
      'variant lexicalOnly …',
      '  ingested 250/500 episodes',
      'variant vectorOnly …',
      'variant fused …',
      'variant full …',
      'learning curve (2 rounds) …',
      '  round 1: 0.612',
      '  round 2: 0.650',
    ]) {
      report(message);
    }
    expect(updates).toEqual([
      [0, 'variant lexicalOnly'],
      [0.25, 'variant lexicalOnly'],
      [1, 'variant vectorOnly'],
      [2, 'variant fused'],
      [3, 'variant full'],
      [4, 'learning curve'],
      [5, 'learning curve, round 1 done'],
      [6, 'learning curve, round 2 done'],
    ]);
    expect(evalProgressTotal({ signals: false, rounds: 2 })).toBe(6);
    expect(evalProgressTotal({ signals: true, rounds: 5 })).toBe(14);
  });
});
