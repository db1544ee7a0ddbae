import { createMemory, type SelfLearningMemory } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

async function openMemory(url: string): Promise<SelfLearningMemory> {
  return createMemory({ storage: await temp.open(url, { embeddingDimensions: 384 }) });
}

async function completeDeploy(
  memory: SelfLearningMemory,
  description: string,
  tools: string[],
): Promise<void> {
  const episode = await memory.startEpisode({
    taskDescription: description,
    context: { domain: 'deployment' },
  });
  await memory.logSteps(
    episode.id,
    tools.map((tool, index) => ({
      stepNumber: index + 1,
      tool,
      action: `run ${tool}`,
      result: { type: 'success' as const },
    })),
  );
  await memory.completeEpisode(episode.id, { type: 'success', verdict: 'deployed', artifacts: [] });
}

describe('the whole memory on a libSQL file', () => {
  it('learns, retrieves, takes feedback and keeps it all across a reopen', async () => {
    const directory = temp.directory();
    const memory = await openMemory(directory.databaseUrl());
    for (const target of ['production', 'staging', 'a preview environment']) {
      await completeDeploy(memory, `Deploy the web app to ${target}`, [
        'build_image',
        'push_image',
        'deploy_over_ssh',
      ]);
    }
    const sequences = (await memory.listPatterns({ types: ['tool_sequence'] })).items;
    expect(sequences.map((pattern) => pattern.stats.occurrences)).toContain(3);

    const task = await memory.startEpisode({ taskDescription: 'Deploy the web app to production' });
    const { sessionId, playbooks } = await memory.recommendPlaybook({
      taskDescription: 'Deploy the web app to production',
      episodeId: task.id,
    });
    expect(playbooks[0]?.steps.map((step) => step.toolHint)).toEqual([
      'build_image',
      'push_image',
      'deploy_over_ssh',
    ]);
    // Feedback naming the playbook also feeds the procedure-feedback prior (stored under `default#…`).
    const feedback = await memory.recordFeedback(sessionId!, {
      appliedPlaybookIds: [playbooks[0]!.id],
      outcome: { type: 'success', verdict: 'deployed', artifacts: [] },
    });
    expect(feedback.appliedPlaybookIds).toEqual([playbooks[0]!.id]);
    await memory.close();

    const reopened = await openMemory(directory.databaseUrl());
    const context = await reopened.retrieveContext({
      query: 'deploy the web app',
      context: { domain: 'deployment' },
    });
    expect(context.episodes.length).toBeGreaterThanOrEqual(3);
    expect(context.episodes[0]?.breakdown.lexical).toBeGreaterThan(0);
    expect((await reopened.recommendationStats()).sessionsWithFeedback).toBe(1);
  });
});
