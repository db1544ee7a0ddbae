import type { Database } from '../sql/database.js';
import { text } from '../sql/row.js';

export function getMeta(database: Database, key: string): Promise<string | null> {
  return database.lookup('getMeta', async (runner) => {
    const result = await runner.execute({ sql: 'SELECT value FROM meta WHERE key = ?', args: [key] });
    const row = result.rows[0];
    return row ? text(row, 'value') : null;
  });
}

export function setMeta(database: Database, key: string, value: string): Promise<void> {
  return database.write('setMeta', async (runner) => {
    await runner.execute({
      sql: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      args: [key, value],
    });
  });
}
