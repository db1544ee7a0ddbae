import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectInMemory } from './support/in-memory-client.js';
import { openTestMemory, type TestMemory } from './support/test-memory.js';
import { callOk, callTool, textOf } from './support/tool-calls.js';

let test: TestMemory;
let client: Client;
let close: () => Promise<void>;
beforeAll(async () => {
  test = await openTestMemory();
  ({ client, close } = await connectInMemory(test.memory, {
    metrics: async () => ({ httpRequests: 42 }),
  }));
});
afterAll(async () => {
  await close();
  await test.close();
});

async function newEpisode(description: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await callOk<{ episode_id: string }>(client, 'create_episode', {
    task_description: description,
    domain: 'data-pipeline',
    task_type: 'refactoring',
    ...extra,
  });
  return created.episode_id;
}

interface EpisodeList {
  episodes: { id: string; labels: string[]; stepCount: number }[];
  next_cursor: string | null;
}

describe('episode tools', () => {
  it('list_episodes pages with limit and cursor and filters', async () => {
    const ids = [
      await newEpisode('page one a'),
      await newEpisode('page one b'),
      await newEpisode('page one c'),
    ];
    const first = await callOk<EpisodeList>(client, 'list_episodes', { text: 'page one', limit: 2 });
    expect(first.episodes).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await callOk<EpisodeList>(client, 'list_episodes', {
      text: 'page one',
      limit: 2,
      cursor: first.next_cursor,
    });
    expect(second.next_cursor).toBeNull();
    expect([...first.episodes, ...second.episodes].map((episode) => episode.id).sort()).toEqual(ids.sort());
    const completed = await callOk<EpisodeList>(client, 'list_episodes', {
      text: 'page one',
      completed: true,
    });
    expect(completed.episodes).toEqual([]);
  });

  it('get_episode trims long episodes and says so', async () => {
    const episode_id = await newEpisode('a long migration');
    for (let step_number = 1; step_number <= 60; step_number += 1) {
      await callOk(client, 'add_episode_step', {
        episode_id,
        step_number,
        tool: 'sql',
        action: `batch ${step_number}`,
      });
    }
    const result = await callTool(client, 'get_episode', { episode_id });
    const read = result.structuredContent as {
      episode: { steps: { stepNumber: number }[] };
      steps_omitted: number;
    };
    expect(read.episode.steps).toHaveLength(50);
    expect(read.episode.steps[0]?.stepNumber).toBe(11);
    expect(read.steps_omitted).toBe(10);
    expect(textOf(result)).toContain('showing the last 50 of 60 steps');
    const all = await callOk<{ episode: { steps: unknown[] } }>(client, 'get_episode', {
      episode_id,
      max_steps: 200,
    });
    expect(all.episode.steps).toHaveLength(60);
  });

  it('update_episode changes the description, tags and metadata', async () => {
    const episode_id = await newEpisode('before');
    const updated = await callOk<{ episode: { taskDescription: string; labels: string[] } }>(
      client,
      'update_episode',
      {
        episode_id,
        task_description: 'after',
        tags: ['Reviewed'],
        metadata: { ticket: 'DATA-1' },
      },
    );
    expect(updated.episode).toMatchObject({ taskDescription: 'after', labels: ['reviewed'] });
    const read = await callOk<{ episode: { metadata: Record<string, string> } }>(client, 'get_episode', {
      episode_id,
    });
    expect(read.episode.metadata).toEqual({ ticket: 'DATA-1' });
  });
});

describe('tag tools', () => {
  it('finds episodes by the tags they were created with or given later', async () => {
    const both = await newEpisode('tagged at creation', { tags: ['etl', 'nightly job'] });
    const later = await newEpisode('tagged later');
    expect(
      await callOk(client, 'add_episode_tags', { episode_id: later, tags: ['ETL', 'backfill'] }),
    ).toEqual({
      episode_id: later,
      tags: ['etl', 'backfill'],
    });
    const any = await callOk<EpisodeList>(client, 'search_episodes_by_tags', { tags: ['etl'] });
    expect(any.episodes.map((episode) => episode.id).sort()).toEqual([both, later].sort());
    const all = await callOk<EpisodeList>(client, 'search_episodes_by_tags', {
      tags: ['etl', 'backfill'],
      require_all: true,
    });
    expect(all.episodes.map((episode) => episode.id)).toEqual([later]);
    await callOk(client, 'remove_episode_tags', { episode_id: later, tags: ['backfill'] });
    const none = await callOk<EpisodeList>(client, 'search_episodes_by_tags', { tags: ['backfill'] });
    expect(none.episodes).toEqual([]);
  });
});

describe('relationship tools', () => {
  it('links episodes and pages through the links', async () => {
    const parent = await newEpisode('parent task');
    const children = [
      await newEpisode('child one'),
      await newEpisode('child two'),
      await newEpisode('child three'),
    ];
    for (const child of children) {
      await callOk(client, 'add_episode_relationship', {
        from_episode_id: parent,
        to_episode_id: child,
        relationship_type: 'parent_child',
        reason: 'split the work',
      });
    }
    const first = await callOk<{
      relationships: { toEpisodeId: string }[];
      total: number;
      next_cursor: string;
    }>(client, 'get_episode_relationships', { episode_id: parent, direction: 'outgoing', limit: 2 });
    expect(first.total).toBe(3);
    expect(first.relationships).toHaveLength(2);
    const rest = await callOk<{ relationships: { toEpisodeId: string }[]; next_cursor: string | null }>(
      client,
      'get_episode_relationships',
      { episode_id: parent, direction: 'outgoing', limit: 2, cursor: first.next_cursor },
    );
    expect(rest.next_cursor).toBeNull();
    expect([...first.relationships, ...rest.relationships].map((link) => link.toEpisodeId).sort()).toEqual(
      children.sort(),
    );
    const cycle = await callTool(client, 'add_episode_relationship', {
      from_episode_id: children[0],
      to_episode_id: parent,
      relationship_type: 'parent_child',
    });
    expect(cycle.isError).toBe(true);
  });
});

describe('checkpoint tools', () => {
  it('hands an open episode over to a new one', async () => {
    const episode_id = await newEpisode('rewrite the loader');
    await callOk(client, 'add_episode_step', {
      episode_id,
      step_number: 1,
      tool: 'read_file',
      action: 'read loader.py',
      result: { type: 'success' },
    });
    const { checkpoint_id } = await callOk<{ checkpoint_id: string }>(client, 'checkpoint_episode', {
      episode_id,
      reason: 'context window nearly full',
      note: 'loader.py half done',
    });
    const handoff = await callTool(client, 'get_handoff_pack', { checkpoint_id });
    expect(handoff.structuredContent).toMatchObject({
      episode_id,
      pack: { goal: 'rewrite the loader', totalSteps: 1, note: 'loader.py half done' },
    });
    expect(textOf(handoff)).toContain('Goal: rewrite the loader');
    const resumed = await callOk<{ episode_id: string }>(client, 'resume_from_handoff', { checkpoint_id });
    expect(resumed.episode_id).not.toBe(episode_id);
    const links = await callOk<{ relationships: { type: string; fromEpisodeId: string }[] }>(
      client,
      'get_episode_relationships',
      { episode_id: resumed.episode_id },
    );
    expect(links.relationships).toEqual([expect.objectContaining({ type: 'follows' })]);
  });
});

describe('pattern tools', () => {
  it('search, recommend and explain what was learned', async () => {
    for (const description of ['tune the nightly etl job', 'tune the hourly etl job']) {
      const episode_id = await newEpisode(description);
      for (const [index, tool] of ['profile', 'edit_file', 'run_tests'].entries()) {
        await callOk(client, 'add_episode_step', {
          episode_id,
          step_number: index + 1,
          tool,
          action: tool,
          result: { type: 'success' },
        });
      }
      await callOk(client, 'complete_episode', { episode_id, outcome_type: 'success', verdict: 'faster' });
    }
    const found = await callOk<{ patterns: { id: string; type: string; description: string }[] }>(
      client,
      'search_patterns',
      { query: 'tune etl job', pattern_types: ['tool_sequence'] },
    );
    const sequence = found.patterns.find((pattern) => pattern.description.includes('profile → edit_file'));
    expect(sequence?.type).toBe('tool_sequence');
    const recommended = await callOk<{ session_id: string | null; patterns: unknown[] }>(
      client,
      'recommend_patterns',
      {
        task_description: 'tune the weekly etl job',
        domain: 'data-pipeline',
      },
    );
    expect(recommended.session_id).toBeNull();
    expect(recommended.patterns.length).toBeGreaterThan(0);
    const explained = await callOk<{ success_rate: number; evidence: unknown[] }>(client, 'explain_pattern', {
      pattern_id: sequence?.id,
    });
    expect(explained.success_rate).toBe(1);
    expect(explained.evidence).toHaveLength(2);
  });
});

describe('operation tools', () => {
  it('health_check probes the store', async () => {
    expect(await callOk(client, 'health_check', {})).toMatchObject({
      status: 'ok',
      storage: { ok: true },
      cache: null,
    });
  });

  it('get_metrics reports the namespace counts and the service metrics', async () => {
    const metrics = await callOk<{ stats: { episodes: { total: number } }; service: unknown }>(
      client,
      'get_metrics',
      {},
    );
    expect(metrics.stats.episodes.total).toBeGreaterThan(0);
    expect(metrics.service).toEqual({ httpRequests: 42 });
  });
});
