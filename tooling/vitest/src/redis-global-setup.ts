import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    redisPort: number;
  }
}

/**
 * Starts a private redis-server on a free port for the test run, or uses REDIS_URL when it is set.
 * Fails loudly when neither is possible: tests that need Redis never skip silently.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['REDIS_URL'];
  if (external) {
    project.provide('redisUrl', external);
    project.provide('redisPort', Number(new URL(external).port || 6379));
    return async () => {};
  }
  const server = await startRedisServer();
  project.provide('redisUrl', server.url);
  project.provide('redisPort', server.port);
  return server.stop;
}

export interface RedisServerHandle {
  url: string;
  port: number;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts `redis-server` with persistence off on a free loopback port and waits until it accepts commands. */
export async function startRedisServer(port?: number): Promise<RedisServerHandle> {
  const chosenPort = port ?? (await freePort());
  const directory = mkdtempSync(join(tmpdir(), 'slm-redis-'));
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(chosenPort),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      directory,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ready = new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start on port ${chosenPort}:\n${output}`)),
      10_000,
    );
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(`cannot start redis-server (install it: apt-get install redis-server): ${error.message}`),
      );
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}:\n${output}`));
    });
  });
  await ready;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(directory, { recursive: true, force: true });
  };
  return { url: `redis://127.0.0.1:${chosenPort}`, port: chosenPort, process: child, stop };
}

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
