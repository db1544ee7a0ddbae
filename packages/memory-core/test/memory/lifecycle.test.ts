import { describe, expect, it } from 'vitest';
import { completedDebuggingEpisode, debuggingSteps, newMemory, rejectsWithCode } from '../support/memory.js';

describe('episode lifecycle', () => {
  it('persists a started episode before returning it', async () => {
    const memory = await newMemory();
    const episode = await memory.startEpisode({ taskDescription: 'Add pagination to /users' });
    expect(episode.namespace).toBe('default');
    expect(episode.context.domain).toBe('general');
    expect(await memory.getEpisode(episode.id)).toEqual(episode);
  });

  it('completes with reward, reflection, quality, patterns and heuristics', async () => {
    const memory = await newMemory();
    const done = await completedDebuggingEpisode(memory, 'Fix the login 500 error');
    expect(done.outcome?.type).toBe('success');
    expect(done.reward?.total).toBeGreaterThan(0);
    expect(done.reflection?.successes.length).toBeGreaterThan(0);
    expect(done.quality?.score).toBeGreaterThan(0);
    expect(done.learning?.status).toBe('learned');
    expect(done.patternIds.length).toBeGreaterThan(0);
    const stored = await memory.getEpisode(done.id);
    expect(stored.patternIds).toEqual(done.patternIds);
  });

  it('merges three similar episodes into one tool-sequence pattern with three occurrences', async () => {
    const memory = await newMemory();
    for (const issue of ['login', 'signup', 'password reset']) {
      await completedDebuggingEpisode(memory, `Fix the ${issue} 500 error`);
    }
    const sequences = (await memory.listPatterns({ types: ['tool_sequence'] })).items;
    const readThenTest = sequences.filter(
      (pattern) => pattern.type === 'tool_sequence' && pattern.tools.join(',') === 'read_logs,run_tests',
    );
    expect(readThenTest).toHaveLength(0); // step 2 failed: not a successful run
    const editThenTest = sequences.filter(
      (pattern) => pattern.type === 'tool_sequence' && pattern.tools.join(',') === 'edit_file,run_tests',
    );
    expect(editThenTest).toHaveLength(1);
    expect(editThenTest[0]?.stats.occurrences).toBe(3);
    expect(editThenTest[0]?.sourceEpisodeIds).toHaveLength(3);
  });

  it('re-learning an episode does not count its evidence twice', async () => {
    const memory = await newMemory();
    const done = await completedDebuggingEpisode(memory, 'Fix the login 500 error');
    await memory.relearn(done.id);
    for (const pattern of (await memory.listPatterns()).items) expect(pattern.stats.occurrences).toBe(1);
  });

  it('is idempotent for the same outcome and refuses a different one', async () => {
    const memory = await newMemory();
    const done = await completedDebuggingEpisode(memory, 'Fix the login 500 error');
    const again = await memory.completeEpisode(done.id, {
      type: 'success',
      verdict: 'fixed',
      artifacts: ['src/a.ts'],
    });
    expect(again.id).toBe(done.id);
    await rejectsWithCode(memory.completeEpisode(done.id, { type: 'failure', reason: 'no' }), 'CONFLICT');
  });

  it('refuses steps for unknown and completed episodes', async () => {
    const memory = await newMemory();
    const step = debuggingSteps()[0]!;
    await rejectsWithCode(memory.logStep('0190e4a0-0000-7000-8000-000000000000', step), 'NOT_FOUND');
    const done = await completedDebuggingEpisode(memory, 'Fix the login 500 error');
    await rejectsWithCode(memory.logStep(done.id, { ...step, stepNumber: 9 }), 'CONFLICT');
  });

  it('treats a repeated step as a no-op and a changed one as a conflict', async () => {
    const memory = await newMemory();
    const episode = await memory.startEpisode({ taskDescription: 'Rename a module' });
    const step = { stepNumber: 1, tool: 'edit_file', action: 'Rename', result: { type: 'success' as const } };
    expect((await memory.logStep(episode.id, step)).accepted).toBe(1);
    expect((await memory.logStep(episode.id, step)).unchanged).toBe(1);
    await rejectsWithCode(memory.logStep(episode.id, { ...step, tool: 'shell' }), 'CONFLICT');
    expect((await memory.getEpisode(episode.id)).steps).toHaveLength(1);
  });

  it('rejects bad input with VALIDATION_FAILED naming the field, and stores nothing', async () => {
    const memory = await newMemory();
    const error = await rejectsWithCode(
      memory.startEpisode({ taskDescription: '', taskType: 'debugging' }),
      'VALIDATION_FAILED',
    );
    expect(error.message).toContain('taskDescription');
    await rejectsWithCode(
      memory.startEpisode({ taskDescription: 'x', taskType: 'dancing' as 'debugging' }),
      'VALIDATION_FAILED',
    );
    expect((await memory.listEpisodes()).items).toHaveLength(0);
  });

  it('updates, archives, restores and deletes', async () => {
    const memory = await newMemory();
    const done = await completedDebuggingEpisode(memory, 'Fix the login 500 error');
    const updated = await memory.updateEpisode(done.id, {
      metadata: { ticket: 'AUTH-1' },
      labels: ['hotfix'],
    });
    expect(updated.metadata).toEqual({ ticket: 'AUTH-1' });
    expect(updated.labels).toEqual(['hotfix']);
    expect(updated.version).toBeGreaterThan(done.version);
    await memory.archiveEpisode(done.id);
    expect((await memory.listEpisodes()).items).toHaveLength(0);
    expect((await memory.listEpisodes({ archived: 'only' })).items).toHaveLength(1);
    await memory.restoreEpisode(done.id);
    expect((await memory.listEpisodes()).items).toHaveLength(1);
    await memory.deleteEpisode(done.id);
    await rejectsWithCode(memory.getEpisode(done.id), 'NOT_FOUND');
    const patterns = (await memory.listPatterns()).items;
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(pattern.sourceEpisodeIds).not.toContain(done.id);
  });

  it('keeps namespaces apart', async () => {
    const memory = await newMemory();
    const done = await completedDebuggingEpisode(memory, 'Fix the login 500 error');
    const other = memory.withNamespace('team-b');
    await rejectsWithCode(other.getEpisode(done.id), 'NOT_FOUND');
    expect((await other.listEpisodes()).items).toHaveLength(0);
    expect((await other.listPatterns()).items).toHaveLength(0);
    const found = await other.retrieveContext({ query: 'Fix the login 500 error' });
    expect(found.episodes).toHaveLength(0);
  });
});
