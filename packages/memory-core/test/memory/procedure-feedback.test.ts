import { describe, expect, it } from 'vitest';
import { feedbackFactor, feedbackToken } from '../../src/retrieval/procedure-feedback.js';
import { newMemory, rejectsWithCode } from '../support/memory.js';

describe('procedure feedback factor', () => {
  it('is neutral without reports and moves towards 0 or 2 with confident reports', () => {
    expect(feedbackFactor(new Map(), 'p')).toBe(1);
    // c = 0.8, s = 0 → 1 + 0.8·(−1) = 0.2
    expect(feedbackFactor(new Map([[feedbackToken('p', false), 0.8]]), 'p')).toBeCloseTo(0.2);
    // c = 0.6, s = 0.6/0.8 = 0.75 → 1 + 0.6·0.5 = 1.3
    const mixed = new Map([
      [feedbackToken('p', true), 0.6],
      [feedbackToken('p', false), 0.2],
    ]);
    expect(feedbackFactor(mixed, 'p')).toBeCloseTo(1.3);
  });
});

describe('playbooks learn from feedback on similar tasks', () => {
  it('stops recommending a procedure that keeps failing for a kind of task', async () => {
    const memory = await newMemory();
    const context = { domain: 'deployment' };
    const record = async (description: string, tools: string[]) => {
      const episode = await memory.startEpisode({ taskDescription: description, context });
      await memory.logSteps(
        episode.id,
        tools.map((tool, index) => ({
          stepNumber: index + 1,
          tool,
          action: tool,
          result: { type: 'success' as const },
        })),
      );
      await memory.completeEpisode(episode.id, { type: 'success', verdict: 'ok', artifacts: [] });
    };
    await record('Deploy the web app to production', ['build_image', 'deploy_over_ssh']);
    await record('Deploy the web app to staging', ['build_image', 'deploy_over_ssh']);
    await record('Deploy the API service to production', ['build_image', 'deploy_to_kubernetes']);

    const query = 'Deploy the web app to production';
    const recommend = async () => {
      const task = await memory.startEpisode({ taskDescription: query, context });
      const { sessionId, playbooks } = await memory.recommendPlaybook({
        taskDescription: query,
        context,
        episodeId: task.id,
        maxPlaybooks: 2,
      });
      const tools = playbooks.map((playbook) => playbook.steps.map((step) => step.toolHint));
      const ssh = playbooks.find((playbook) =>
        playbook.steps.some((step) => step.toolHint === 'deploy_over_ssh'),
      );
      return { sessionId: sessionId!, sshPlaybookId: ssh!.id, firstTools: tools[0]! };
    };
    const before = await recommend();
    expect(before.firstTools).toContain('deploy_over_ssh');
    await rejectsWithCode(
      memory.recordFeedback(before.sessionId, {
        appliedPlaybookIds: ['playbook-not-recommended'],
        outcome: { type: 'failure', reason: 'x' },
      }),
      'VALIDATION_FAILED',
    );
    // One report is not enough to overturn two successes; the second report of a failure is.
    const reportFailure = (recommendation: typeof before) =>
      memory.recordFeedback(recommendation.sessionId, {
        appliedPlaybookIds: [recommendation.sshPlaybookId],
        outcome: { type: 'failure', reason: 'ssh host key rejected' },
      });
    await reportFailure(before);
    const afterOne = await recommend();
    expect(afterOne.firstTools).toContain('deploy_over_ssh');
    await reportFailure(afterOne);
    const latest = await recommend();
    expect(latest.firstTools).toContain('deploy_to_kubernetes');
    expect(latest.firstTools).not.toContain('deploy_over_ssh');
  });
});
