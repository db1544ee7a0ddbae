import { describe, expect, it } from 'vitest';
import { SalientFeaturesSchema } from '../../src/domain/learning-records.js';
import { extractSalientFeatures } from '../../src/learning/salient-features.js';
import { buildEpisode, failed, ok, SUCCESS, timedOut } from './episodes.js';

describe('extractSalientFeatures', () => {
  it('finds decisions, tool combinations, recoveries and insights', () => {
    const features = extractSalientFeatures(
      buildEpisode({
        steps: [
          ok('planner', 'Choose the migration order'),
          { ...ok('db', 'Migrate the table'), parameters: { strategy: 'online', rows: 10 } },
          failed('run_tests', 'expected 200, got 500'),
          ok('edit_file', 'Fix the handler'),
          ok('run_tests', 'Run again'),
        ],
        outcome: { type: 'success', verdict: 'migrated', artifacts: ['migrations/0002.sql'] },
      }),
    );
    expect(SalientFeaturesSchema.parse(features)).toEqual(features);
    expect(features.criticalDecisions).toEqual([
      'Step 1: Choose the migration order (planner)',
      'Step 2: chose strategy = online',
    ]);
    expect(features.toolCombinations).toEqual([
      ['planner', 'db'],
      ['edit_file', 'run_tests'],
    ]);
    expect(features.errorRecoveries).toEqual([
      {
        errorTool: 'run_tests',
        error: 'expected 200, got 500',
        recoveryTool: 'edit_file',
        recoveryAction: 'Fix the handler',
      },
    ]);
    expect(features.keyInsights).toEqual([
      'Succeeded: migrated',
      'Artifacts: migrations/0002.sql',
      'Recovered from a run_tests failure with edit_file',
    ]);
  });

  it('works on an open episode and reports repeated failures', () => {
    const features = extractSalientFeatures(
      buildEpisode({ steps: [timedOut('fetch'), failed('fetch', 'again'), ok('cache')] }),
    );
    expect(features.errorRecoveries).toEqual([
      { errorTool: 'fetch', error: 'again', recoveryTool: 'cache', recoveryAction: 'run cache' },
    ]);
    expect(features.keyInsights).toContain('fetch failed 2 times');
  });

  it('stays bounded on a long episode', () => {
    const steps = Array.from({ length: 600 }, (_, index) =>
      index % 3 === 0 ? failed(`t${index}`, 'x'.repeat(5_000)) : ok(`t${index}`, `Select option ${index}`),
    );
    const features = extractSalientFeatures(buildEpisode({ steps, outcome: SUCCESS }));
    expect(features.criticalDecisions.length).toBeLessThanOrEqual(10);
    expect(features.toolCombinations.length).toBeLessThanOrEqual(10);
    expect(features.errorRecoveries.length).toBeLessThanOrEqual(10);
    expect(features.keyInsights.length).toBeLessThanOrEqual(10);
    for (const recovery of features.errorRecoveries) expect(recovery.error.length).toBeLessThanOrEqual(300);
  });
});
