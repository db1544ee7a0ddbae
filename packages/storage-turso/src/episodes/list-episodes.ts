import {
  decodeCursor,
  type Episode,
  type EpisodeFilter,
  encodeCursor,
  type Page,
  type PageRequest,
  pageSize,
} from '@slm/memory-core';
import type { Database } from '../sql/database.js';
import { listFilterConditions } from './episode-filters.js';
import { EPISODE_SELECT, episodeFromRow } from './episode-row.js';
import { foldAppendedSteps } from './search-documents.js';

/** Newest first (`started_at` desc, then id desc), filtered and paginated in SQL with a keyset cursor. */
export async function listEpisodes(
  database: Database,
  namespace: string,
  filter: EpisodeFilter,
  page?: PageRequest,
): Promise<Page<Episode>> {
  database.assertOpen('listEpisodes');
  const size = pageSize(page);
  const where = listFilterConditions(namespace, filter);
  if (page?.cursor) {
    const cursor = decodeCursor(page.cursor);
    where.add('(e.started_at < ? OR (e.started_at = ? AND e.id < ?))', cursor.value, cursor.value, cursor.id);
  }
  if (filter.textTerms && filter.textTerms.length > 0) await foldAppendedSteps(database);
  return database.read('listEpisodes', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT ${EPISODE_SELECT}, e.started_at AS started_at FROM episodes e WHERE ${where.sql()}
            ORDER BY e.started_at DESC, e.id DESC LIMIT ?`,
      args: [...where.args, size + 1],
    });
    const items = result.rows.slice(0, size).map(episodeFromRow);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        result.rows.length > size && last ? encodeCursor(Date.parse(last.startedAt), last.id) : null,
    };
  });
}
