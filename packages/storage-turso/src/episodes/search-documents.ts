import type { InStatement } from '@libsql/client';
import { searchTerms } from '@slm/memory-core';
import type { Database } from '../sql/database.js';
import { numeric, text } from '../sql/row.js';

/**
 * Search documents of episodes with appended steps. Appending must stay cheap, and re-indexing a growing FTS5
 * document on every append costs O(document) each time; so an append only inserts its steps (`indexed = 0`)
 * and marks the document `stale`. Updates, completions and imports rewrite the whole document from the record
 * (`episodeSearchText`) and clear both. Only the searches that can see open episodes — `completedOnly: false`,
 * and `listEpisodes` with `textTerms` — fold stale documents first, in one write, adding the tool and action
 * terms of the pending steps exactly as `episodeSearchText` would; retrieval (completed episodes) never waits.
 */
export async function foldAppendedSteps(database: Database): Promise<void> {
  const stale = await database.read('foldAppendedSteps', (runner) =>
    runner.execute('SELECT 1 FROM episode_documents WHERE stale = 1 LIMIT 1'),
  );
  if (stale.rows.length === 0) return;
  await database.write('foldAppendedSteps', async (runner) => {
    const pending = await runner.execute(
      `SELECT d.seq AS seq, s.record ->> '$.tool' AS tool, s.record ->> '$.action' AS action
       FROM episode_documents d JOIN steps s ON s.episode_seq = d.seq AND s.indexed = 0
       WHERE d.stale = 1 ORDER BY d.seq, s.step_number`,
    );
    const added = new Map<number, string[]>();
    for (const row of pending.rows) {
      const seq = numeric(row, 'seq');
      const terms = added.get(seq) ?? [];
      terms.push(...searchTerms(`${text(row, 'tool')} ${text(row, 'action')}`));
      added.set(seq, terms);
    }
    await runner.batch([
      ...[...added].map(([seq, terms]) => ({
        sql: "UPDATE episode_documents SET terms = CASE WHEN terms = '' THEN ?1 ELSE terms || ' ' || ?1 END WHERE seq = ?2",
        args: [terms.join(' '), seq],
      })),
      'UPDATE steps SET indexed = 1 WHERE indexed = 0 AND episode_seq IN (SELECT seq FROM episode_documents WHERE stale = 1)',
      'UPDATE episode_documents SET stale = 0 WHERE stale = 1',
    ]);
  });
}

/** After a whole document was rewritten from the stored steps: none of them is pending any more. */
export function markStepsIndexed(episodeSeq: number): InStatement {
  return { sql: 'UPDATE steps SET indexed = 1 WHERE episode_seq = ? AND indexed = 0', args: [episodeSeq] };
}
