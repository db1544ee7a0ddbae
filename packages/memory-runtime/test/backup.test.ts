import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createMemory, type ExportRecord, type SelfLearningMemory } from '@slm/memory-core';
import { createTursoStorage } from '@slm/storage-turso';
import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterEach, describe, expect, it } from 'vitest';
import { exportToFile, importFromFile } from '../src/index.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDirectory(): TempDirectory {
  const directory = createTempDirectory('slm-backup-');
  cleanup.push(() => directory.remove());
  return directory;
}

async function libsqlMemory(directory: TempDirectory, name: string): Promise<SelfLearningMemory> {
  const storage = await createTursoStorage({
    url: `file:${directory.path}/${name}.db`,
    embeddingDimensions: 384,
  });
  const memory = await createMemory({ storage });
  cleanup.push(() => memory.close());
  return memory;
}

/** Episodes with patterns, heuristics, a relationship, a recommendation session and its feedback. */
async function populate(memory: SelfLearningMemory): Promise<void> {
  const ids: string[] = [];
  for (const issue of ['login', 'signup', 'reset']) {
    const episode = await memory.startEpisode({
      taskDescription: `Fix the ${issue} 500 error`,
      taskType: 'debugging',
      context: { domain: 'web-api' },
    });
    await memory.logSteps(episode.id, [
      { stepNumber: 1, tool: 'read_logs', action: 'Check the logs', result: { type: 'success' } },
      { stepNumber: 2, tool: 'edit_file', action: 'Fix the handler', result: { type: 'success' } },
      { stepNumber: 3, tool: 'run_tests', action: 'Run the tests', result: { type: 'success' } },
    ]);
    await memory.completeEpisode(episode.id, { type: 'success', verdict: 'fixed', artifacts: [] });
    ids.push(episode.id);
  }
  await memory.addRelationship({ fromEpisodeId: ids[1]!, toEpisodeId: ids[0]!, type: 'follows' });
  const { sessionId, patterns } = await memory.recommendPatterns({
    query: 'fix a 500 error',
    episodeId: ids[2]!,
  });
  await memory.recordFeedback(sessionId!, {
    appliedPatternIds: patterns.slice(0, 1).map(({ pattern }) => pattern.id),
    outcome: { type: 'success', verdict: 'ok', artifacts: [] },
  });
}

function recordLines(path: string): ExportRecord[] {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .filter((line) => line.type !== 'header');
}

describe('JSONL backup files', () => {
  it('export → import into an empty database → export gives the same records (gzip)', async () => {
    const directory = tempDirectory();
    const source = await libsqlMemory(directory, 'source');
    await populate(source);
    const first = await exportToFile(source, `${directory.path}/backup.jsonl.gz`);
    expect(first.counts).toMatchObject({ episode: 3, relationship: 1, recommendation_session: 1 });

    const restored = await libsqlMemory(directory, 'restored');
    const imported = await importFromFile(restored, first.path);
    expect(imported.errors).toEqual([]);
    expect(imported.imported['episode']).toBe(3);
    const second = await exportToFile(restored, `${directory.path}/again.jsonl.gz`);
    expect(recordLines(second.path)).toEqual(recordLines(first.path));

    // Idempotent: importing the same file again changes nothing.
    await importFromFile(restored, first.path);
    const third = await exportToFile(restored, `${directory.path}/third.jsonl`);
    expect(recordLines(third.path)).toEqual(recordLines(first.path));
    // The restored memory works: its retrieval finds the episodes (embeddings were re-derived on import).
    const context = await restored.retrieveContext({ query: 'Fix the login 500 error' });
    expect(context.episodes[0]?.episode.taskDescription).toBe('Fix the login 500 error');
  });

  it('reports a corrupt line with its number and imports the rest', async () => {
    const directory = tempDirectory();
    const source = await libsqlMemory(directory, 'source');
    await populate(source);
    const { path } = await exportToFile(source, `${directory.path}/backup.jsonl`);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    lines[2] = '{"type":"episode","record":{"id":"broken"'; // line 3
    lines.splice(4, 0, '{"type":"episode","record":{"id":"not-a-uuid"}}'); // line 5
    writeFileSync(path, `${lines.join('\n')}\n`);

    const restored = await libsqlMemory(directory, 'restored');
    const result = await importFromFile(restored, path);
    // Line 3 is not JSON, line 5 not a valid episode; the relationship naming the lost episode is refused too.
    const relationshipLine = lines.findIndex((line) => line.startsWith('{"type":"relationship"')) + 1;
    expect(result.errors.map((error) => error.line)).toEqual([3, 5, relationshipLine]);
    expect(result.errors[0]?.message).toBe('not valid JSON');
    expect(result.errors[1]?.message).toContain('record.');
    expect(result.imported['episode']).toBe(2);
  });

  it('never overwrites a file and leaves nothing behind when it fails', async () => {
    const directory = tempDirectory();
    const source = await libsqlMemory(directory, 'source');
    await populate(source);
    const target = `${directory.path}/backup.jsonl`;
    writeFileSync(target, 'keep me');
    await expect(exportToFile(source, target)).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });
});
