import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect } from 'vitest';
import { callOk } from './tool-calls.js';

const TASK = {
  task_description: 'Add retry with exponential backoff to the HTTP client',
  domain: 'web-api',
  task_type: 'code_generation',
  language: 'typescript',
  tags: ['retry', 'http'],
};

/** Runs one task the way an agent should and logs it; returns the ids it made. */
async function workOnTask(client: Client, outcome: Record<string, unknown>): Promise<string> {
  const { episode_id } = await callOk<{ episode_id: string }>(client, 'create_episode', TASK);
  const steps = [
    { tool: 'read_file', action: 'read the client', result: { type: 'success', output: 'client.ts' } },
    { tool: 'edit_file', action: 'wrap fetch in a retry loop', parameters: { file: 'src/client.ts' } },
    { tool: 'run_tests', action: 'run the test suite', result: { type: 'success', output: '12 passed' } },
  ];
  for (const [index, step] of steps.entries()) {
    const logged = await callOk(client, 'add_episode_step', {
      episode_id,
      step_number: index + 1,
      latency_ms: 50,
      ...step,
    });
    expect(logged).toMatchObject({ accepted: 1 });
  }
  const completed = await callOk<{ learning: { status: string }; pattern_ids: string[] }>(
    client,
    'complete_episode',
    {
      episode_id,
      ...outcome,
    },
  );
  expect(completed.learning.status).toBe('learned');
  return episode_id;
}

/**
 * The whole loop an agent goes through, over whichever transport `client` uses: work logged in episodes is
 * retrieved for the next similar task, recommended as a playbook, and feedback on it shows in the statistics.
 */
export async function runLifecycleScenario(client: Client): Promise<void> {
  const first = await workOnTask(client, { outcome_type: 'success', verdict: 'retries verified by tests' });
  const second = await workOnTask(client, {
    outcome_type: 'success',
    verdict: 'done',
    artifacts: ['src/client.ts'],
  });

  const retrieved = await callOk<{
    episodes: { id: string; outcome: { type: string } }[];
    patterns: unknown[];
  }>(client, 'query_memory', { query: 'retry with backoff for the HTTP client', domain: 'web-api' });
  expect(retrieved.episodes.map((episode) => episode.id)).toEqual(expect.arrayContaining([first, second]));
  expect(retrieved.patterns.length).toBeGreaterThan(0);

  const next = await callOk<{ episode_id: string }>(client, 'create_episode', {
    ...TASK,
    task_description: 'Add retry with backoff to the payments HTTP client',
  });
  const recommended = await callOk<{
    session_id: string | null;
    playbooks: { id: string; steps: { toolHint?: string }[]; supportingPatternIds: string[] }[];
  }>(client, 'recommend_playbook', {
    task_description: 'Add retry with backoff to the payments HTTP client',
    domain: 'web-api',
    episode_id: next.episode_id,
  });
  expect(recommended.session_id).toEqual(expect.any(String));
  const playbook = recommended.playbooks[0];
  expect(playbook?.steps.map((step) => step.toolHint)).toEqual(['read_file', 'edit_file', 'run_tests']);

  const before = await callOk<{ sessions_with_feedback: number }>(client, 'get_recommendation_stats', {});
  await callOk(client, 'record_recommendation_feedback', {
    session_id: recommended.session_id,
    applied_pattern_ids: playbook?.supportingPatternIds.slice(0, 1),
    applied_playbook_ids: [playbook?.id],
    consulted_episode_ids: [first],
    outcome: 'success',
    agent_rating: 0.9,
  });
  const after = await callOk<{ sessions: number; sessions_with_feedback: number; patterns_applied: number }>(
    client,
    'get_recommendation_stats',
    {},
  );
  expect(after.sessions_with_feedback).toBe(before.sessions_with_feedback + 1);
  expect(after.patterns_applied).toBeGreaterThanOrEqual(1);
}
