import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QualityScoreSchema } from '../../src/domain/learning-records.js';
import { extractPatterns } from '../../src/learning/patterns/index.js';
import { assessQuality } from '../../src/learning/quality.js';
import { ruleBasedReflection } from '../../src/learning/reflection.js';
import { extractSalientFeatures } from '../../src/learning/salient-features.js';
import { buildEpisode, failed, idSequence, ok, type StepSpec } from './episodes.js';

describe('assessQuality', () => {
  it('weighs its five parts', () => {
    // 4 steps (0.25) with 4 tools (0.35) → complexity 0.6
    // 4/4 distinct actions, successes and failures → diversity 0.6 × 1 + 0.4 × 0.5 = 0.8
    // error rate 1/4 = 0.25 (not < 0.2, < 0.4) → 0.6; 3 reflection items → 0.6; 2 patterns → 0.5
    // score = 0.25 × 0.6 + 0.2 × 0.8 + 0.2 × 0.6 + 0.2 × 0.6 + 0.15 × 0.5 = 0.625
    const episode = buildEpisode({
      steps: [ok('a'), failed('b', 'x'), ok('c'), ok('d')],
      outcome: { type: 'success' },
      reflection: {
        successes: ['s'],
        improvements: ['i'],
        insights: ['n'],
        generatedAt: '2025-01-01T00:01:00.000Z',
      },
    });
    const contributions = extractPatterns(episode, { newId: idSequence(), at: episode.endedAt! }).slice(0, 2);
    const quality = assessQuality(episode, contributions);
    expect(quality.complexity).toBeCloseTo(0.6, 10);
    expect(quality.diversity).toBeCloseTo(0.8, 10);
    expect(quality.errorRate).toBe(0.6);
    expect(quality.reflectionDepth).toBe(0.6);
    expect(quality.novelty).toBe(0.5);
    expect(quality.score).toBeCloseTo(0.625, 10);
  });

  it('scores an empty episode low', () => {
    // complexity 0.1 + 0.1; diversity 0; no steps → error 0.5; no reflection 0; no patterns 0.2
    // 0.25 × 0.2 + 0 + 0.2 × 0.5 + 0 + 0.15 × 0.2 = 0.18
    expect(assessQuality(buildEpisode({ outcome: { type: 'success' } }), []).score).toBeCloseTo(0.18, 10);
  });

  it('keeps every part in [0, 1] for any episode', () => {
    const step = fc
      .record({
        tool: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'),
        kind: fc.nat(3),
      })
      .map(({ tool, kind }): StepSpec => {
        if (kind === 0) return failed(tool, 'boom', `act ${tool}`);
        if (kind === 1) return { tool, action: `check ${tool}` };
        return ok(tool, kind === 2 ? 'same' : `act ${tool}`);
      });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.boolean(), (steps, succeeded) => {
        const episode = buildEpisode({
          steps,
          outcome: succeeded ? { type: 'success' } : { type: 'failure' },
        });
        const features = extractSalientFeatures(episode);
        const reflected = { ...episode, reflection: ruleBasedReflection(episode, features) };
        const contributions = extractPatterns(reflected, { newId: idSequence(), at: episode.endedAt! });
        const quality = assessQuality(reflected, contributions);
        expect(QualityScoreSchema.parse(quality)).toEqual(quality);
      }),
    );
  });
});
