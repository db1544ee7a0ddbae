import type { Episode, Relationship } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import {
  createEpisode,
  EPISODE_INPUT,
  type EpisodeBody,
  type ErrorBody,
  stepInput,
} from './support/fixtures.js';
import { useService } from './support/service-harness.js';

const services = useService();
const MISSING_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

describe('episodes', () => {
  it('creates an episode with the pinned shape and reads it back', async () => {
    const service = await services.start();
    const created = await service.call<EpisodeBody>('POST', '/v1/episodes', { json: EPISODE_INPUT });
    expect(created.status).toBe(201);
    const { episode } = created.body;
    expect(episode).toMatchObject({
      taskDescription: EPISODE_INPUT.taskDescription,
      taskType: 'debugging',
      context: { domain: 'payments', language: 'typescript', complexity: 'moderate', tags: ['checkout'] },
      labels: ['flaky'],
      namespace: 'default',
      steps: [],
    });
    const read = await service.call<EpisodeBody>('GET', `/v1/episodes/${episode.id}`);
    expect(read.status).toBe(200);
    expect(read.body.episode.id).toBe(episode.id);
  });

  it('refuses invalid input with a field-level 400 and stores nothing', async () => {
    const service = await services.start();
    const response = await service.call<ErrorBody>('POST', '/v1/episodes', {
      json: { taskDescription: '', taskType: 'dancing' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = (response.body.error.details['issues'] as Array<{ path: string }>).map(
      (issue) => issue.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['body.taskDescription', 'body.taskType']));
    expect((await service.memory.stats()).episodes.total).toBe(0);
  });

  it('lists with filters and cursor pagination', async () => {
    const service = await services.start();
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      const domain = index % 2 === 0 ? 'payments' : 'search';
      ids.push((await createEpisode(service, undefined, { ...EPISODE_INPUT, context: { domain } })).id);
    }
    const first = await service.call<{ episodes: Episode[]; nextCursor: string | null }>(
      'GET',
      '/v1/episodes?limit=2',
    );
    expect(first.status).toBe(200);
    expect(first.body.episodes.map((episode) => episode.id)).toEqual([ids[4], ids[3]]);
    expect(first.body.nextCursor).not.toBeNull();
    const seen = [...first.body.episodes];
    let cursor = first.body.nextCursor;
    while (cursor !== null) {
      const page = await service.call<{ episodes: Episode[]; nextCursor: string | null }>(
        'GET',
        `/v1/episodes?limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      seen.push(...page.body.episodes);
      cursor = page.body.nextCursor;
    }
    expect(seen.map((episode) => episode.id)).toEqual([...ids].reverse());

    const payments = await service.call<{ episodes: Episode[] }>(
      'GET',
      '/v1/episodes?domains=payments&completed=false',
    );
    expect(payments.body.episodes).toHaveLength(3);
    const both = await service.call<{ episodes: Episode[] }>('GET', '/v1/episodes?domains=payments,search');
    expect(both.body.episodes).toHaveLength(5);
    const bad = await service.call<ErrorBody>('GET', '/v1/episodes?limit=1000&completed=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('query.limit');
  });

  it('updates, archives, restores and deletes', async () => {
    const service = await services.start();
    const episode = await createEpisode(service);
    const patched = await service.call<EpisodeBody>('PATCH', `/v1/episodes/${episode.id}`, {
      json: { taskDescription: 'Fix the checkout test for good', labels: ['Urgent'], archived: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.episode).toMatchObject({
      taskDescription: 'Fix the checkout test for good',
      labels: ['urgent'],
    });
    expect(patched.body.episode.archivedAt).toBeDefined();
    const restored = await service.call<EpisodeBody>('PATCH', `/v1/episodes/${episode.id}`, {
      json: { archived: false },
    });
    expect(restored.body.episode.archivedAt).toBeUndefined();
    const empty = await service.call<ErrorBody>('PATCH', `/v1/episodes/${episode.id}`, { json: {} });
    expect(empty.status).toBe(400);

    const deleted = await service.call('DELETE', `/v1/episodes/${episode.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await service.call('GET', `/v1/episodes/${episode.id}`)).status).toBe(404);
    expect((await service.call('DELETE', `/v1/episodes/${episode.id}`)).status).toBe(404);
  });

  it('answers 404 for unknown ids and 400 for ids that are not UUIDs', async () => {
    const service = await services.start();
    const missing = await service.call<ErrorBody>('GET', `/v1/episodes/${MISSING_ID}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const malformed = await service.call<ErrorBody>('GET', '/v1/episodes/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details['issues']).toEqual([{ path: 'path.id', message: 'must be a UUID' }]);
  });
});

describe('steps and completion', () => {
  it('logs one step or a batch, idempotently, and refuses steps after completion', async () => {
    const service = await services.start();
    const episode = await createEpisode(service);
    const one = await service.call('POST', `/v1/episodes/${episode.id}/steps`, { json: stepInput(1) });
    expect(one.status).toBe(201);
    expect(one.body).toEqual({ accepted: 1, unchanged: 0, buffered: false });
    const batch = await service.call('POST', `/v1/episodes/${episode.id}/steps`, {
      json: { steps: [stepInput(1), stepInput(2, 'edit_file'), stepInput(3)] },
    });
    expect(batch.body).toEqual({ accepted: 2, unchanged: 1, buffered: false });
    const badStep = await service.call<ErrorBody>('POST', `/v1/episodes/${episode.id}/steps`, {
      json: { ...stepInput(4), tool: '' },
    });
    expect(badStep.status).toBe(400);
    expect(badStep.body.error.message).toContain('body.tool');
    const badBatch = await service.call<ErrorBody>('POST', `/v1/episodes/${episode.id}/steps`, {
      json: { steps: [] },
    });
    expect(badBatch.status).toBe(400);

    const completed = await service.call<EpisodeBody>('POST', `/v1/episodes/${episode.id}/complete`, {
      json: { outcome: { type: 'success', verdict: 'fixed' } },
    });
    expect(completed.status).toBe(200);
    expect(completed.body.episode.steps).toHaveLength(3);
    expect(completed.body.episode.outcome).toMatchObject({ type: 'success', verdict: 'fixed' });
    expect(completed.body.episode.reward).toBeDefined();

    const again = await service.call('POST', `/v1/episodes/${episode.id}/complete`, {
      json: { outcome: { type: 'success', verdict: 'fixed' } },
    });
    expect(again.status).toBe(200);
    const different = await service.call<ErrorBody>('POST', `/v1/episodes/${episode.id}/complete`, {
      json: { outcome: { type: 'failure', reason: 'no' } },
    });
    expect(different.status).toBe(409);
    expect(different.body.error.code).toBe('CONFLICT');
    const late = await service.call<ErrorBody>('POST', `/v1/episodes/${episode.id}/steps`, {
      json: stepInput(4),
    });
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.status).toBeLessThan(500);
    const unknown = await service.call('POST', `/v1/episodes/${MISSING_ID}/steps`, { json: stepInput(1) });
    expect(unknown.status).toBe(404);
    const noOutcome = await service.call<ErrorBody>('POST', `/v1/episodes/${episode.id}/complete`, {
      json: {},
    });
    expect(noOutcome.status).toBe(400);
  });
});

describe('labels', () => {
  it('adds and removes labels (body or query)', async () => {
    const service = await services.start();
    const episode = await createEpisode(service);
    const added = await service.call<EpisodeBody>('POST', `/v1/episodes/${episode.id}/labels`, {
      json: { labels: ['Billing', 'p1'] },
    });
    expect(added.status).toBe(200);
    expect(added.body.episode.labels).toEqual(['flaky', 'billing', 'p1']);
    const removed = await service.call<EpisodeBody>('DELETE', `/v1/episodes/${episode.id}/labels`, {
      json: { labels: ['flaky'] },
    });
    expect(removed.body.episode.labels).toEqual(['billing', 'p1']);
    const byQuery = await service.call<EpisodeBody>('DELETE', `/v1/episodes/${episode.id}/labels?labels=p1`);
    expect(byQuery.body.episode.labels).toEqual(['billing']);
    const invalid = await service.call('POST', `/v1/episodes/${episode.id}/labels`, {
      json: { labels: ['x'] },
    });
    expect(invalid.status).toBe(400);
    const neither = await service.call('DELETE', `/v1/episodes/${episode.id}/labels`);
    expect(neither.status).toBe(400);
    const labelled = await service.call<{ episodes: Episode[] }>('GET', '/v1/episodes?labelsAny=billing');
    expect(labelled.body.episodes.map((item) => item.id)).toEqual([episode.id]);
  });
});

describe('checkpoints and handoff', () => {
  it('checkpoints an episode, builds the handoff pack and resumes from it', async () => {
    const service = await services.start();
    const episode = await createEpisode(service);
    await service.call('POST', `/v1/episodes/${episode.id}/steps`, {
      json: { steps: [stepInput(1), stepInput(2, 'edit_file', false)] },
    });
    const checkpoint = await service.call<{ checkpoint: { id: string; stepNumber: number } }>(
      'POST',
      `/v1/episodes/${episode.id}/checkpoints`,
      { json: { reason: 'context window full', note: 'the edit failed' } },
    );
    expect(checkpoint.status).toBe(201);
    expect(checkpoint.body.checkpoint.stepNumber).toBe(2);
    const handoff = await service.call<{
      handoff: { goal: string; totalSteps: number; checkpointReason: string };
    }>('GET', `/v1/checkpoints/${checkpoint.body.checkpoint.id}/handoff`);
    expect(handoff.status).toBe(200);
    expect(handoff.body.handoff).toMatchObject({
      goal: EPISODE_INPUT.taskDescription,
      totalSteps: 2,
      checkpointReason: 'context window full',
    });
    const resumed = await service.call<EpisodeBody>('POST', '/v1/handoffs/resume', {
      json: { checkpointId: checkpoint.body.checkpoint.id },
    });
    expect(resumed.status).toBe(201);
    expect(resumed.body.episode.id).not.toBe(episode.id);
    const links = await service.call<{ relationships: Relationship[] }>(
      'GET',
      `/v1/episodes/${resumed.body.episode.id}/relationships`,
    );
    expect(links.body.relationships.map((link) => link.type)).toContain('follows');

    expect((await service.call('GET', `/v1/checkpoints/${MISSING_ID}/handoff`)).status).toBe(404);
    expect(
      (await service.call('POST', '/v1/handoffs/resume', { json: { checkpointId: MISSING_ID } })).status,
    ).toBe(404);
    expect(
      (await service.call('POST', `/v1/episodes/${episode.id}/checkpoints`, { json: { reason: '' } })).status,
    ).toBe(400);
  });
});

describe('relationships', () => {
  it('adds, lists, refuses duplicates and cycles, and removes', async () => {
    const service = await services.start();
    const first = await createEpisode(service);
    const second = await createEpisode(service);
    const added = await service.call<{ relationship: Relationship }>('POST', '/v1/relationships', {
      json: { fromEpisodeId: first.id, toEpisodeId: second.id, type: 'depends_on', reason: 'needs the fix' },
    });
    expect(added.status).toBe(201);
    expect(added.body.relationship).toMatchObject({
      fromEpisodeId: first.id,
      toEpisodeId: second.id,
      type: 'depends_on',
    });
    const duplicate = await service.call('POST', '/v1/relationships', {
      json: { fromEpisodeId: first.id, toEpisodeId: second.id, type: 'depends_on' },
    });
    expect(duplicate.status).toBe(409);
    const cycle = await service.call('POST', '/v1/relationships', {
      json: { fromEpisodeId: second.id, toEpisodeId: first.id, type: 'depends_on' },
    });
    expect(cycle.status).toBe(409);
    const self = await service.call('POST', '/v1/relationships', {
      json: { fromEpisodeId: first.id, toEpisodeId: first.id, type: 'related_to' },
    });
    expect(self.status).toBe(400);
    const missing = await service.call('POST', '/v1/relationships', {
      json: { fromEpisodeId: first.id, toEpisodeId: MISSING_ID, type: 'related_to' },
    });
    expect(missing.status).toBe(404);

    const outgoing = await service.call<{ relationships: Relationship[] }>(
      'GET',
      `/v1/episodes/${first.id}/relationships?direction=outgoing&types=depends_on`,
    );
    expect(outgoing.body.relationships.map((link) => link.id)).toEqual([added.body.relationship.id]);
    const incoming = await service.call<{ relationships: Relationship[] }>(
      'GET',
      `/v1/episodes/${first.id}/relationships?direction=incoming`,
    );
    expect(incoming.body.relationships).toEqual([]);
    expect((await service.call('GET', `/v1/episodes/${MISSING_ID}/relationships`)).status).toBe(404);

    const removed = await service.call('DELETE', `/v1/relationships/${added.body.relationship.id}`);
    expect(removed.status).toBe(204);
    expect((await service.call('DELETE', `/v1/relationships/${added.body.relationship.id}`)).status).toBe(
      404,
    );
  });
});
