import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./support/exit-during-read.ts', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const directories: TempDirectory[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) directory.remove();
});

function leaveDuringRead(mode: 'exit' | 'throw') {
  const directory = createTempDirectory('slm-exit-gate-');
  directories.push(directory);
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', SCRIPT, join(directory.path, 'exit.db'), mode],
    { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

// Tearing a thread down inside a libsql call aborts the process (exit code 134, a Rust panic): without the
// exit gate, both cases below do.
describe('leaving the process while read threads run statements', () => {
  it('process.exit waits for the running statements and exits with its own code', async () => {
    const { code, stdout, stderr } = await leaveDuringRead('exit');
    expect(stdout).toContain('leaving');
    expect(stderr).not.toContain('panicked');
    expect(code).toBe(0);
  });

  it('an uncaught exception exits with 1, not with an abort', async () => {
    const { code, stdout, stderr } = await leaveDuringRead('throw');
    expect(stdout).toContain('leaving');
    expect(stderr).toContain('a crash while reads run');
    expect(stderr).not.toContain('panicked');
    expect(code).toBe(1);
  });
});
