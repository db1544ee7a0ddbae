import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { freePort } from '@slm/vitest-config/redis-server';
import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

// The built binary: turbo builds before testing (run `pnpm build` when running this file alone).
const BINARY = new URL('../dist/main.js', import.meta.url).pathname;

const directories: TempDirectory[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const directory of directories.splice(0)) directory.remove();
});

beforeAll(() => {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} is missing: run pnpm build first`);
});

function databaseFile(): string {
  const directory = createTempDirectory('slm-service-bin-');
  directories.push(directory);
  return `${directory.path}/data/memory.db`;
}

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

async function start(file: string, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [BINARY], {
    env: {
      PATH: process.env['PATH'] ?? '',
      TURSO_DATABASE_URL: `file:${file}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`memory-service exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { child, url, exited };
    if (Date.now() > deadline) throw new Error('memory-service did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function createEpisode(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/episodes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      taskDescription: 'Ingest the nightly batch',
      taskType: 'other',
      context: { domain: 'ops' },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { episode: { id: string } }).episode.id;
}

/**
 * 64 writers, each on its own episode, log steps one by one until told to stop; returns the step numbers each
 * writer saw acknowledged (201). Failures after the service went away are expected and not counted.
 */
function writers(url: string, episodeIds: string[]) {
  const acknowledged = new Map<string, number[]>(episodeIds.map((id) => [id, []]));
  let stopped = false;
  const done = Promise.all(
    episodeIds.map(async (id) => {
      for (let stepNumber = 1; !stopped && stepNumber <= 1_000; stepNumber++) {
        const ok = await fetch(`${url}/v1/episodes/${id}/steps`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            stepNumber,
            tool: 'shell',
            action: `batch ${stepNumber}`,
            result: { type: 'success' },
          }),
        }).then(
          (response) => response.status === 201,
          () => false,
        );
        if (!ok) return;
        acknowledged.get(id)?.push(stepNumber);
      }
    }),
  );
  return {
    acknowledged,
    total: () => [...acknowledged.values()].reduce((sum, steps) => sum + steps.length, 0),
    stop: async () => {
      stopped = true;
      await done;
    },
    done,
  };
}

async function expectAllStepsServed(url: string, acknowledged: Map<string, number[]>): Promise<void> {
  for (const [id, steps] of acknowledged) {
    const response = await fetch(`${url}/v1/episodes/${id}`);
    expect(response.status).toBe(200);
    const { episode } = (await response.json()) as { episode: { steps: Array<{ stepNumber: number }> } };
    const stored = new Set(episode.steps.map((step) => step.stepNumber));
    expect(steps.filter((stepNumber) => !stored.has(stepNumber))).toEqual([]);
  }
}

async function integrityCheck(file: string): Promise<string> {
  const client = createClient({ url: `file:${file}` });
  try {
    const result = await client.execute('PRAGMA integrity_check');
    return String(result.rows[0]?.[0]);
  } finally {
    client.close();
  }
}

async function untilAcknowledged(load: { total(): number }, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (load.total() < count) {
    if (Date.now() > deadline) throw new Error(`only ${load.total()} steps acknowledged`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('memory-service binary', () => {
  it('prints its version and refuses a bad configuration with every problem listed (exit 2)', () => {
    const version = spawnSync(process.execPath, [BINARY, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^memory-service \d+\.\d+\.\d+ \(schema \d+\)\n$/);

    const bad = spawnSync(process.execPath, [BINARY], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', PORT: 'eighty', MEMORY_DURABILITY: 'sometimes' },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('PORT');
    expect(bad.stderr).toContain('MEMORY_DURABILITY');

    const exposed = spawnSync(
      process.execPath,
      [BINARY, '--host', '0.0.0.0', '--database-url', `file:${databaseFile()}`],
      {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '' },
      },
    );
    expect(exposed.status).toBe(2);
    expect(exposed.stderr).toContain('without API keys');
  });

  it('loses no acknowledged step when killed (SIGKILL) during 64-writer logging in durable mode', async () => {
    const file = databaseFile();
    const first = await start(file);
    const ids = await Promise.all(Array.from({ length: 64 }, () => createEpisode(first.url)));
    const load = writers(first.url, ids);
    await untilAcknowledged(load, 500);
    first.child.kill('SIGKILL');
    await first.exited;
    await load.done;
    expect(load.total()).toBeGreaterThanOrEqual(500);

    expect(await integrityCheck(file)).toBe('ok');
    const second = await start(file);
    await expectAllStepsServed(second.url, load.acknowledged);
  });

  it('drains on SIGTERM under load: exits 0 within 10 s and loses nothing acknowledged', async () => {
    const file = databaseFile();
    const first = await start(file, { MEMORY_DURABILITY: 'batched', MEMORY_FLUSH_INTERVAL: '60000' });
    const ids = await Promise.all(Array.from({ length: 16 }, () => createEpisode(first.url)));
    const load = writers(first.url, ids);
    await untilAcknowledged(load, 200);
    const signalledAt = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    await load.done;

    // Batched mode buffers acknowledged steps in memory: only a flush on shutdown can have saved them.
    const second = await start(file);
    await expectAllStepsServed(second.url, load.acknowledged);
  });
});

describe('memory-service binary under Ctrl-C', () => {
  it('finishes its shutdown when SIGINT arrives twice (terminal and pnpm both forward it)', async () => {
    const file = databaseFile();
    const first = await start(file, { MEMORY_DURABILITY: 'batched', MEMORY_FLUSH_INTERVAL: '60000' });
    const id = await createEpisode(first.url);
    const logged = await fetch(`${first.url}/v1/episodes/${id}/steps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stepNumber: 1, tool: 'shell', action: 'buffered', result: { type: 'success' } }),
    });
    expect(await logged.json()).toMatchObject({ accepted: 1, buffered: true });
    first.child.kill('SIGINT');
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const second = await start(file);
    await expectAllStepsServed(second.url, new Map([[id, [1]]]));
  });
});
