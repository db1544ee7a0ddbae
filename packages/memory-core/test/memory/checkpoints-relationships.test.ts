import { describe, expect, it } from 'vitest';
import { completedDebuggingEpisode, debuggingSteps, newMemory, rejectsWithCode } from '../support/memory.js';

describe('checkpoints and handoff', () => {
  it('packs an open episode for another agent and resumes it as a linked episode', async () => {
    const memory = await newMemory();
    await completedDebuggingEpisode(memory, 'Fix the signup 500 error');
    const open = await memory.startEpisode({
      taskDescription: 'Fix the login 500 error',
      taskType: 'debugging',
      context: { domain: 'web-api' },
    });
    await memory.logSteps(open.id, debuggingSteps().slice(0, 2));
    const checkpoint = await memory.checkpointEpisode(open.id, {
      reason: 'context window full',
      note: 'tests fail',
    });
    expect(checkpoint.stepNumber).toBe(2);

    const pack = await memory.getHandoffPack(checkpoint.id);
    expect(pack.goal).toBe('Fix the login 500 error');
    expect(pack.stepsSoFar.map((step) => step.tool)).toEqual(['read_logs', 'run_tests']);
    expect(pack.whatFailed[0]).toContain('expected 200, got 500');
    expect(pack.suggestedNextSteps[0]).toContain('run_tests');

    const resumed = await memory.resumeFromHandoff({ checkpointId: checkpoint.id });
    expect(resumed.taskDescription).toBe(open.taskDescription);
    const links = await memory.getRelationships(resumed.id, { direction: 'outgoing' });
    expect(links).toMatchObject([{ type: 'follows', toEpisodeId: open.id }]);
  });

  it('refuses checkpoints on completed episodes and unknown checkpoint ids', async () => {
    const memory = await newMemory();
    const done = await completedDebuggingEpisode(memory, 'Fix the login 500 error');
    await rejectsWithCode(memory.checkpointEpisode(done.id, { reason: 'late' }), 'CONFLICT');
    await rejectsWithCode(memory.getHandoffPack('0190e4a0-0000-7000-8000-000000000000'), 'NOT_FOUND');
  });
});

describe('relationships and labels', () => {
  it('refuses self-links, duplicates and cycles of acyclic types', async () => {
    const memory = await newMemory();
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((name) => memory.startEpisode({ taskDescription: `Task ${name}` })),
    );
    await rejectsWithCode(
      memory.addRelationship({ fromEpisodeId: a!.id, toEpisodeId: a!.id, type: 'related_to' }),
      'VALIDATION_FAILED',
    );
    await memory.addRelationship({ fromEpisodeId: a!.id, toEpisodeId: b!.id, type: 'depends_on' });
    await memory.addRelationship({ fromEpisodeId: b!.id, toEpisodeId: c!.id, type: 'depends_on' });
    await rejectsWithCode(
      memory.addRelationship({ fromEpisodeId: a!.id, toEpisodeId: b!.id, type: 'depends_on' }),
      'CONFLICT',
    );
    await rejectsWithCode(
      memory.addRelationship({ fromEpisodeId: c!.id, toEpisodeId: a!.id, type: 'depends_on' }),
      'CONFLICT',
    );
    // related_to may go both ways.
    await memory.addRelationship({ fromEpisodeId: c!.id, toEpisodeId: a!.id, type: 'related_to' });
    expect(await memory.getRelationships(a!.id)).toHaveLength(2);
  });

  it('normalises labels and filters by them', async () => {
    const memory = await newMemory();
    const episode = await memory.startEpisode({ taskDescription: 'Label me' });
    const labelled = await memory.addLabels(episode.id, ['  HotFix ', 'hotfix', 'auth']);
    expect(labelled.labels.sort()).toEqual(['auth', 'hotfix']);
    await rejectsWithCode(memory.addLabels(episode.id, ['has space']), 'VALIDATION_FAILED');
    expect((await memory.listEpisodes({ labelsAny: ['auth'] })).items).toHaveLength(1);
    await memory.removeLabels(episode.id, ['auth']);
    expect((await memory.listEpisodes({ labelsAny: ['auth'] })).items).toHaveLength(0);
  });
});
