import type { InStatement } from '@libsql/client';
import { type Episode, type ExecutionStep, episodeSearchText } from '@slm/memory-core';
import { jsonList, placeholders } from '../sql/conditions.js';
import { stepRecordJson } from './episode-row.js';
import { markStepsIndexed } from './search-documents.js';

/** Steps per INSERT statement (3 arguments each, far below SQLite's 32,766-argument limit). */
const STEPS_PER_STATEMENT = 500;

/** A step row to insert. */
export interface StepRow {
  /** The episode's row (`episodes.seq`). */
  episodeSeq: number;
  step: ExecutionStep;
  /** An appended step, not yet part of its episode's search document (`indexed = 0`). */
  pending: boolean;
}

/** INSERT statements for step rows (any episodes), in chunks. */
export function insertStepRowsStatements(rows: readonly StepRow[]): InStatement[] {
  const statements: InStatement[] = [];
  for (let start = 0; start < rows.length; start += STEPS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + STEPS_PER_STATEMENT);
    statements.push({
      sql: `INSERT INTO steps (episode_seq, step_number, record, indexed) VALUES ${placeholders(chunk.length, '(?, ?, ?, ?)')}`,
      args: chunk.flatMap((row) => [
        row.episodeSeq,
        row.step.stepNumber,
        stepRecordJson(row.step),
        row.pending ? 0 : 1,
      ]),
    });
  }
  return statements;
}

/** INSERT statements for the steps of one episode whose document is written alongside (insert, import). */
export function insertStepsStatements(episodeSeq: number, steps: readonly ExecutionStep[]): InStatement[] {
  return insertStepRowsStatements(steps.map((step) => ({ episodeSeq, step, pending: false })));
}

/**
 * Statements that make the labels, checkpoints and search document of an episode match its record (`seq` is
 * its row). `replace` first clears what an earlier version wrote.
 */
export function derivedRowsStatements(episode: Episode, seq: number, replace: boolean): InStatement[] {
  const statements: InStatement[] = [];
  if (replace) {
    statements.push({ sql: 'DELETE FROM episode_labels WHERE episode_id = ?', args: [episode.id] });
    statements.push({ sql: 'DELETE FROM episode_checkpoints WHERE episode_id = ?', args: [episode.id] });
  }
  if (episode.labels.length > 0) {
    statements.push({
      sql: 'INSERT INTO episode_labels (episode_id, label) SELECT ?, value FROM json_each(?) WHERE TRUE ON CONFLICT DO NOTHING',
      args: [episode.id, jsonList(episode.labels)],
    });
  }
  if (episode.checkpoints.length > 0) {
    // A checkpoint id names one episode; the latest writer of an id wins, as in the in-memory index.
    statements.push({
      sql: `INSERT INTO episode_checkpoints (checkpoint_id, episode_id) SELECT value, ? FROM json_each(?) WHERE TRUE
            ON CONFLICT (checkpoint_id) DO UPDATE SET episode_id = excluded.episode_id`,
      args: [episode.id, jsonList(episode.checkpoints.map((checkpoint) => checkpoint.id))],
    });
  }
  // The document is rebuilt from every step the record holds, so none stays pending.
  statements.push({
    sql: `INSERT INTO episode_documents (seq, terms) VALUES (?, ?)
          ON CONFLICT (seq) DO UPDATE SET terms = excluded.terms, stale = 0
          WHERE terms IS NOT excluded.terms OR stale = 1`,
    args: [seq, episodeSearchText(episode)],
  });
  if (replace) statements.push(markStepsIndexed(seq));
  return statements;
}
