import type { Episode } from '@slm/memory-core';
import { loadConfig, openMemory } from '@slm/memory-runtime';

/**
 * Episodes recorded and completed through the memory's own API, so that the store holds what learning
 * produces (rewards, reflections, patterns with evidence) — the records `episodes` and `patterns` show.
 */
export async function recordLearnedEpisodes(
  url: string,
  count: number,
  namespace = 'default',
): Promise<Episode[]> {
  const { memory, close } = await openMemory(
    loadConfig({ env: { TURSO_DATABASE_URL: url, MEMORY_NAMESPACE: namespace } }),
  );
  const episodes: Episode[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const started = await memory.startEpisode({
        taskDescription: `Fix the failing checkout test number ${index}`,
        taskType: 'debugging',
        context: { domain: 'web-api', language: 'typescript' },
      });
      await memory.logSteps(started.id, [
        {
          stepNumber: 1,
          tool: 'read_file',
          action: 'read the failing test',
          result: { type: 'success' },
          latencyMs: 12,
        },
        {
          stepNumber: 2,
          tool: 'edit_file',
          action: 'guard the null session',
          result: { type: 'success' },
          latencyMs: 30,
        },
        {
          stepNumber: 3,
          tool: 'run_tests',
          action: 'run the checkout suite',
          result: index % 3 === 2 ? { type: 'error', message: 'still failing' } : { type: 'success' },
          latencyMs: 900,
        },
      ]);
      episodes.push(
        await memory.completeEpisode(
          started.id,
          index % 3 === 2
            ? { type: 'failure', reason: 'the suite still fails' }
            : { type: 'success', verdict: 'fixed' },
        ),
      );
    }
    // The episodes as stored after learning (pattern ids recorded on them).
    return await Promise.all(episodes.map((episode) => memory.getEpisode(episode.id)));
  } finally {
    await close();
  }
}
