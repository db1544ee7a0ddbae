import type { Logger, SelfLearningMemory } from '@slm/memory-core';
import { describe, expect, it, vi } from 'vitest';
import { connectInMemory, useConnectedMemory } from './support/in-memory-client.js';
import { callError, callOk, callTool } from './support/tool-calls.js';

const UNKNOWN_ID = '01a21393-5237-735a-a6bc-000000000000';
const TASK = { task_description: 'fix the flaky login test', domain: 'web-app', task_type: 'debugging' };

const connected = useConnectedMemory();

async function newEpisode(): Promise<string> {
  return (await callOk<{ episode_id: string }>(connected.client, 'create_episode', TASK)).episode_id;
}

describe('invalid arguments', () => {
  it('come back as isError results naming each bad argument', async () => {
    const message = await callError(connected.client, 'create_episode', { domain: 7, task_type: 'cooking' });
    expect(message).toContain('task_description');
    expect(message).toContain('domain');
    expect(message).toMatch(/expected one of .*code_generation/);
  });

  it('include misspelled argument names', async () => {
    const message = await callError(connected.client, 'complete_episode', {
      episode_id: UNKNOWN_ID,
      outcome: 'success',
    });
    expect(message).toContain('outcome_type');
    expect(message).toContain('Unrecognized key: "outcome"');
  });

  it('include malformed ids and out-of-range numbers', async () => {
    expect(await callError(connected.client, 'get_episode', { episode_id: 'episode-1' })).toContain(
      'must be a UUID',
    );
    expect(await callError(connected.client, 'list_episodes', { limit: 1_000 })).toContain('limit');
  });

  it('include an unknown tool, and the connection keeps working', async () => {
    expect(await callError(connected.client, 'forget_everything', {})).toContain('forget_everything');
    await callOk(connected.client, 'health_check', {});
  });
});

describe('refused operations', () => {
  it('name the unknown episode and say how to find a valid id', async () => {
    for (const [tool, args] of [
      ['get_episode', { episode_id: UNKNOWN_ID }],
      ['add_episode_step', { episode_id: UNKNOWN_ID, step_number: 1, tool: 'bash', action: 'ls' }],
      ['complete_episode', { episode_id: UNKNOWN_ID, outcome_type: 'success' }],
      ['add_episode_tags', { episode_id: UNKNOWN_ID, tags: ['x1'] }],
    ] as const) {
      const message = await callError(connected.client, tool, args);
      expect(message, tool).toContain(`${tool} failed: not found (NOT_FOUND)`);
      expect(message, tool).toContain(UNKNOWN_ID);
      expect(message, tool).toContain('list_episodes');
    }
  });

  it('refuse a step for a completed episode', async () => {
    const episode_id = await newEpisode();
    await callOk(connected.client, 'complete_episode', {
      episode_id,
      outcome_type: 'failure',
      reason: 'gave up',
    });
    const message = await callError(connected.client, 'add_episode_step', {
      episode_id,
      step_number: 1,
      tool: 'bash',
      action: 'ls',
    });
    expect(message).toContain('CONFLICT');
    expect(message).toContain('completed');
  });

  it('refuse to complete an episode again with another outcome, but accept the same one', async () => {
    const episode_id = await newEpisode();
    await callOk(connected.client, 'complete_episode', {
      episode_id,
      outcome_type: 'success',
      verdict: 'fixed',
    });
    await callOk(connected.client, 'complete_episode', {
      episode_id,
      outcome_type: 'success',
      verdict: 'fixed',
    });
    expect(
      await callError(connected.client, 'complete_episode', { episode_id, outcome_type: 'failure' }),
    ).toContain('CONFLICT');
  });

  it('refuse to delete without confirm: true', async () => {
    const episode_id = await newEpisode();
    expect(await callError(connected.client, 'delete_episode', { episode_id, confirm: false })).toContain(
      'confirm: true',
    );
    await callOk(connected.client, 'get_episode', { episode_id });
    await callOk(connected.client, 'delete_episode', { episode_id, confirm: true });
    expect(await callError(connected.client, 'get_episode', { episode_id })).toContain('NOT_FOUND');
  });

  it('refuse feedback for an unknown session and name core fields as arguments', async () => {
    expect(
      await callError(connected.client, 'record_recommendation_feedback', {
        session_id: UNKNOWN_ID,
        outcome: 'success',
      }),
    ).toContain('NOT_FOUND');
    const episode_id = await newEpisode();
    const { session_id } = await callOk<{ session_id: string }>(connected.client, 'recommend_patterns', {
      task_description: TASK.task_description,
      domain: TASK.domain,
      episode_id,
    });
    const message = await callError(connected.client, 'record_recommendation_feedback', {
      session_id,
      applied_pattern_ids: [UNKNOWN_ID],
      outcome: { outcome_type: 'success', verdict: 'ok' },
    });
    expect(message).toContain('applied_pattern_ids');
    expect(message).not.toContain('appliedPatternIds');
  });

  it('refuse an update with nothing to update', async () => {
    const episode_id = await newEpisode();
    expect(await callError(connected.client, 'update_episode', { episode_id })).toContain(
      'task_description, tags, metadata',
    );
  });
});

describe('unexpected failures', () => {
  it('become isError results without internals, and are logged', async () => {
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Logger;
    const broken = new Proxy(connected.test.memory, {
      get(target, property) {
        if (property === 'stats') return () => Promise.reject(new Error('disk /var/secret on fire'));
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as SelfLearningMemory;
    const connection = await connectInMemory(broken, { logger });
    try {
      const result = await callTool(connection.client, 'get_metrics', {});
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result)).not.toContain('/var/secret');
      expect(logger.error).toHaveBeenCalledOnce();
      await callOk(connection.client, 'health_check', {});
    } finally {
      await connection.close();
    }
  });
});
