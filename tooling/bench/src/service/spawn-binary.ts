import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '@slm/vitest-config/redis-server';

/** A built binary of the workspace, e.g. `packages/memory-service/dist/main.js`; tells how to build when absent. */
export function builtBinary(path: string): string {
  const file = new URL(`../../../../${path}`, import.meta.url).pathname;
  if (!existsSync(file)) throw new Error(`${path} is missing: run \`pnpm build\` first`);
  return file;
}

export interface RunningService {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts memory-service on `env` and waits until `/health/ready` answers 200. */
export async function startService(binary: string, env: Record<string, string>): Promise<RunningService> {
  const port = await freePort();
  const child = spawn(process.execPath, [binary], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`memory-service exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error('memory-service did not become ready in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
