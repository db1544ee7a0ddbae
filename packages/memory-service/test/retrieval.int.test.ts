import type { Pattern } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { completedEpisode, createEpisode, EPISODE_INPUT, type ErrorBody } from './support/fixtures.js';
import { type TestService, useService } from './support/service-harness.js';

const services = useService();
const MISSING_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

interface Ranked<T> {
  score: number;
  reason: string;
  breakdown: Record<string, number>;
  pattern?: T;
}

/** Three successful episodes with the same procedure: enough for recurring patterns. */
async function learnedService(): Promise<TestService> {
  const service = await services.start();
  for (let index = 0; index < 3; index++) await completedEpisode(service);
  return service;
}

describe('retrieval', () => {
  it('retrieves ranked episodes with breakdowns, patterns, heuristics, a playbook and warnings', async () => {
    const service = await learnedService();
    const response = await service.call<{
      episodes: Array<{
        episode: { id: string };
        score: number;
        breakdown: Record<string, number>;
        reason: string;
      }>;
      patterns: unknown[];
      heuristics: unknown[];
      playbook: unknown;
      warnings: unknown[];
      budget?: { tokenBudget: number; tokensUsed: number };
    }>('POST', '/v1/retrieve', {
      json: {
        query: 'checkout test failing in payments',
        context: { domain: 'payments' },
        limit: 2,
        tokenBudget: 4000,
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.episodes.length).toBeGreaterThan(0);
    expect(response.body.episodes.length).toBeLessThanOrEqual(2);
    const [top] = response.body.episodes;
    expect(top?.score).toBeGreaterThan(0);
    expect(top?.breakdown).toHaveProperty('total');
    expect(typeof top?.reason).toBe('string');
    expect(Array.isArray(response.body.patterns)).toBe(true);
    expect(Array.isArray(response.body.heuristics)).toBe(true);
    expect(Array.isArray(response.body.warnings)).toBe(true);
    expect(response.body).toHaveProperty('playbook');
    expect(response.body.budget?.tokenBudget).toBe(4000);
    expect(response.body.budget?.tokensUsed).toBeLessThanOrEqual(4000);

    const invalid = await service.call<ErrorBody>('POST', '/v1/retrieve', { json: { query: '', limit: 0 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('patterns, playbooks and feedback', () => {
  it('searches, recommends, explains, records feedback once and reports stats', async () => {
    const service = await learnedService();
    const search = await service.call<{ patterns: Array<Ranked<Pattern>> }>('POST', '/v1/patterns/search', {
      json: { query: 'run tests after editing checkout', context: { domain: 'payments' } },
    });
    expect(search.status).toBe(200);
    expect(search.body.patterns.length).toBeGreaterThan(0);
    const pattern = search.body.patterns[0]?.pattern as Pattern;

    const explained = await service.call<{
      pattern: Pattern;
      explanation: { summary: string; evidence: unknown[] };
    }>('GET', `/v1/patterns/${pattern.id}`);
    expect(explained.status).toBe(200);
    expect(explained.body.pattern.id).toBe(pattern.id);
    expect(explained.body.explanation.summary.length).toBeGreaterThan(0);
    expect(explained.body.explanation.evidence.length).toBeGreaterThan(0);
    expect((await service.call('GET', `/v1/patterns/${MISSING_ID}`)).status).toBe(404);

    const current = await createEpisode(service);
    const recommended = await service.call<{ sessionId?: string; patterns: Array<Ranked<Pattern>> }>(
      'POST',
      '/v1/patterns/recommend',
      {
        json: {
          query: EPISODE_INPUT.taskDescription,
          context: { domain: 'payments' },
          episodeId: current.id,
        },
      },
    );
    expect(recommended.status).toBe(200);
    expect(recommended.body.sessionId).toEqual(expect.any(String));
    const applied = recommended.body.patterns.slice(0, 1).map((ranked) => (ranked.pattern as Pattern).id);

    const playbook = await service.call<{ sessionId?: string; playbooks: Array<{ steps: unknown[] }> }>(
      'POST',
      '/v1/playbooks/recommend',
      {
        json: {
          taskDescription: EPISODE_INPUT.taskDescription,
          context: { domain: 'payments' },
          episodeId: current.id,
        },
      },
    );
    expect(playbook.status).toBe(200);
    expect(playbook.body.playbooks.length).toBeGreaterThan(0);
    expect(playbook.body.playbooks[0]?.steps.length).toBeGreaterThan(0);
    expect(
      (await service.call('POST', '/v1/playbooks/recommend', { json: { taskDescription: '' } })).status,
    ).toBe(400);

    const feedback = await service.call<{ feedback: { sessionId: string; appliedPatternIds: string[] } }>(
      'POST',
      '/v1/feedback',
      {
        json: {
          sessionId: recommended.body.sessionId,
          appliedPatternIds: applied,
          outcome: { type: 'success' },
          rating: 0.9,
        },
      },
    );
    expect(feedback.status).toBe(201);
    expect(feedback.body.feedback).toMatchObject({
      sessionId: recommended.body.sessionId,
      appliedPatternIds: applied,
    });
    const second = await service.call('POST', '/v1/feedback', {
      json: { sessionId: recommended.body.sessionId, outcome: { type: 'success' } },
    });
    expect(second.status).toBe(409);
    const unknownSession = await service.call('POST', '/v1/feedback', {
      json: { sessionId: MISSING_ID, outcome: { type: 'success' } },
    });
    expect(unknownSession.status).toBe(404);
    const noOutcome = await service.call('POST', '/v1/feedback', { json: { sessionId: MISSING_ID } });
    expect(noOutcome.status).toBe(400);

    const stats = await service.call<{
      stats: {
        namespace: string;
        episodes: { total: number; completed: number };
        recommendations: { sessionsWithFeedback: number };
      };
    }>('GET', '/v1/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.stats).toMatchObject({
      namespace: 'default',
      episodes: { total: 4, completed: 3 },
      recommendations: { sessionsWithFeedback: 1 },
    });
  });
});
