import { describe, expect, it } from 'vitest';
import { completedDebuggingEpisode, newMemory } from '../support/memory.js';

describe('retrieveContext', () => {
  it('finds the relevant episode, not the most recent one, with a score breakdown and a reason', async () => {
    const memory = await newMemory();
    await completedDebuggingEpisode(memory, 'Fix the login 500 error in the auth service');
    for (const topic of [
      'Add pagination to the users list',
      'Write the CSV export',
      'Document the billing job',
    ]) {
      const episode = await memory.startEpisode({ taskDescription: topic, context: { domain: 'web-api' } });
      await memory.logStep(episode.id, {
        stepNumber: 1,
        tool: 'edit_file',
        action: 'edit',
        result: { type: 'success' },
      });
      await memory.completeEpisode(episode.id, { type: 'success', verdict: 'done', artifacts: [] });
    }
    const context = await memory.retrieveContext({
      query: 'login returns 500 in auth',
      context: { domain: 'web-api' },
    });
    const top = context.episodes[0]!;
    expect(top.episode.taskDescription).toContain('login 500');
    expect(top.breakdown.lexical).toBeGreaterThan(0);
    expect(top.breakdown.total).toBe(top.score);
    expect(top.reason).toMatch(/success/);
  });

  it('still answers for an unknown domain, marking the results as cross-domain', async () => {
    const memory = await newMemory();
    await completedDebuggingEpisode(memory, 'Fix the login 500 error', 'web-api');
    const context = await memory.retrieveContext({
      query: 'Fix a 500 error on login',
      context: { domain: 'mobile' },
    });
    expect(context.episodes.length).toBeGreaterThan(0);
    expect(context.episodes[0]?.crossDomain).toBe(true);
  });

  it('surfaces similar failures as warnings, not as exemplars', async () => {
    const memory = await newMemory();
    await completedDebuggingEpisode(memory, 'Fix the login 500 error');
    const failed = await memory.startEpisode({
      taskDescription: 'Fix the login 500 error again',
      taskType: 'debugging',
    });
    await memory.logStep(failed.id, {
      stepNumber: 1,
      tool: 'restart_service',
      action: 'Restart and hope',
      result: { type: 'error', message: 'still 500' },
    });
    await memory.completeEpisode(failed.id, {
      type: 'failure',
      reason: 'restarting did not fix the handler',
    });
    const context = await memory.retrieveContext({ query: 'Fix the login 500 error' });
    expect(context.episodes.map(({ episode }) => episode.id)).not.toContain(failed.id);
    expect(context.warnings[0]?.episodeId).toBe(failed.id);
    expect(context.warnings[0]?.whatWentWrong).toContain('restarting did not fix the handler');
  });

  it('packs the answer into a token budget', async () => {
    const memory = await newMemory();
    for (const issue of ['login', 'signup', 'reset', 'profile', 'billing']) {
      await completedDebuggingEpisode(memory, `Fix the ${issue} 500 error`);
    }
    const context = await memory.retrieveContext({ query: 'Fix a 500 error', limit: 5, tokenBudget: 300 });
    expect(context.budget?.tokensUsed).toBeLessThanOrEqual(300);
    expect(JSON.stringify(context.episodes).length / 4).toBeLessThanOrEqual(300);
  });
});
