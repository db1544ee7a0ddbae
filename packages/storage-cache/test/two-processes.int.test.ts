import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createTursoStorage } from '@slm/storage-turso';
import { createTempDirectory } from '@slm/vitest-config/temp';
import { afterEach, describe, expect, it } from 'vitest';
import { withCache } from '../src/index.js';
import { DIMENSIONS, episode, NS, step } from './support/fixtures.js';
import { redisUrl, uniquePrefix } from './support/redis.js';

const SCRIPT = fileURLToPath(new URL('./support/reader-process.ts', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts the reader process; `next()` resolves with its next JSON line. */
function startReader(options: object) {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', SCRIPT, JSON.stringify(options)],
    {
      cwd: PACKAGE_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error(`reader exited early:\n${stderr}`);
    return JSON.parse(line.value) as Record<string, unknown>;
  };
  const send = (line: string) => child.stdin.write(`${line}\n`);
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { next, send, child };
}

describe('two processes sharing Redis and the database file', () => {
  it('a read in the other process never returns an episode older than the acknowledged write', async () => {
    const directory = createTempDirectory('slm-cache-two-');
    cleanups.push(() => directory.remove());
    const databaseUrl = directory.databaseUrl();
    const keyPrefix = uniquePrefix();
    const writer = withCache(
      await createTursoStorage({ url: databaseUrl, embeddingDimensions: DIMENSIONS }),
      {
        redis: redisUrl(),
        keyPrefix,
        // Generous, as in the reader: an invalidation that times out client-side may still run in Redis after
        // the write is acknowledged (the documented residual staleness); this test is about staleness, not that.
        operationTimeoutMs: 5_000,
      },
    );
    cleanups.push(() => writer.close());
    const created = episode(1);
    await writer.insertEpisode(created);

    const reader = startReader({
      databaseUrl,
      redisUrl: redisUrl(),
      keyPrefix,
      namespace: NS,
      episodeId: created.id,
    });
    expect(await reader.next()).toEqual({ type: 'ready' });
    for (let number = 1; number <= 30; number += 1) {
      await writer.appendSteps(NS, created.id, [step(number)]);
      reader.send('check');
      expect(await reader.next()).toEqual({ type: 'steps', steps: number });
    }
    reader.send('stop');
    const statistics = await reader.next();
    expect(statistics).toMatchObject({ type: 'statistics', errors: 0 });
    expect(statistics['hits']).toBeGreaterThan(0);
  }, 60_000);
});
