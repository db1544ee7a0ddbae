import { existsSync, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { backupRecords, writeRecords } from './support/backup-records.js';
import { runCli, startCli } from './support/cli.js';
import { useTempDirectories } from './support/temp-databases.js';

const directory = useTempDirectories();

async function episodeCount(url: string): Promise<number> {
  const client = createClient({ url });
  try {
    return Number((await client.execute('SELECT count(*) AS n FROM episodes')).rows[0]!['n']);
  } catch {
    return 0; // not created yet
  } finally {
    client.close();
  }
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Ctrl-C', () => {
  it('stops an export without leaving a file, and an import between two batches; the import can then be rerun', async () => {
    const work = directory();
    const source = work.databaseUrl('source.db');
    await writeRecords(
      source,
      backupRecords({
        episodes: 4_000,
        patterns: 0,
        heuristics: 0,
        relationships: 0,
        sessions: 0,
        feedback: 0,
      }),
    );
    const env = { MEMORY_EMBEDDINGS: 'none' };

    // Export: interrupted as soon as its temporary file appears (the handler is installed before it is created).
    const backup = join(work.path, 'backup.jsonl.gz');
    const exporting = startCli(['export', '--all-namespaces', '--out', backup, '--database-url', source], {
      env,
    });
    let signalled = false;
    const watcher = watch(work.path, (_event, name) => {
      // Once: the removal of the temporary file is an event too, and a second Ctrl-C means "quit at once".
      if (name?.includes('.partial-') && !signalled) signalled = exporting.child.kill('SIGINT');
    });
    const interrupted = await exporting.done;
    watcher.close();
    expect(interrupted.code, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toMatch(/export interrupted after \d+ of 4000 records: nothing was written/);
    expect(readdirSync(work.path).filter((name) => name.includes('backup'))).toEqual([]);

    expect(
      (await runCli(['export', '--all-namespaces', '--out', backup, '--database-url', source], { env })).code,
    ).toBe(0);

    // Import: interrupted once the first batch is committed; it stops after the batch in progress.
    const target = work.databaseUrl('target.db');
    const importing = startCli(['import', backup, '--database-url', target], { env });
    await waitFor(
      async () => existsSync(join(work.path, 'target.db')) && (await episodeCount(target)) > 0,
      'the first batch',
    );
    importing.child.kill('SIGINT');
    const stopped = await importing.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr.replaceAll('\n', ' ')).toContain('import interrupted between batches');
    expect(stopped.stderr).toContain('run the same import again to finish');
    const partial = await episodeCount(target);
    expect(partial % 500).toBe(0);
    expect(partial).toBeLessThan(4_000);

    const finished = await runCli(['import', backup, '--database-url', target], { env });
    expect(finished.code).toBe(0);
    expect(await episodeCount(target)).toBe(4_000);
  }, 60_000);
});
