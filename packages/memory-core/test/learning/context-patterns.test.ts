import { describe, expect, it } from 'vitest';
import { extractPatterns } from '../../src/learning/patterns/index.js';
import { buildEpisode, failed, idSequence, ok, SUCCESS } from './episodes.js';

describe('context pattern extraction', () => {
  it('maps the context features to the tools that worked', () => {
    const episode = buildEpisode({
      steps: [ok('read_file'), failed('run_tests', 'x'), ok('edit_file'), ok('read_file'), ok('run_tests')],
      outcome: { type: 'partial_success', completed: ['a'], failed: ['b', 'c', 'd'] },
      context: {
        domain: 'Web-API',
        language: 'TypeScript',
        framework: 'express',
        tags: ['auth', 'Api', 'auth'],
      },
    });
    const [found] = extractPatterns(episode, { newId: idSequence(), at: episode.endedAt! }).filter(
      (contribution) => contribution.content.type === 'context_pattern',
    );
    expect(found?.content).toEqual({
      type: 'context_pattern',
      contextFeatures: [
        'domain:web-api',
        'language:typescript',
        'framework:express',
        'complexity:moderate',
        'tag:api',
        'tag:auth',
      ],
      recommendedApproach: 'use tools: read_file, edit_file, run_tests',
    });
    expect(found?.successes).toBe(0.25); // 1 of 4 subtasks
  });

  it('is not extracted when no step succeeded', () => {
    const episode = buildEpisode({ steps: [failed('a', 'x')], outcome: SUCCESS });
    const types = extractPatterns(episode, { newId: idSequence(), at: episode.endedAt! }).map(
      (contribution) => contribution.content.type,
    );
    expect(types).not.toContain('context_pattern');
  });
});
