import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from '@slm/vitest-config/redis-server';
import { createTempDirectory } from '@slm/vitest-config/temp';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const EXAMPLES = new URL('..', import.meta.url).pathname;
const TSX = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;

/** Runs an example exactly as the README does (tsx on the TypeScript sources) and returns its output. */
async function example(file: string): Promise<string> {
  const { stdout } = await run(TSX, ['--conditions=source', file], { cwd: EXAMPLES });
  return stdout;
}

describe('examples', () => {
  it('lifecycle: three similar episodes merge into one pattern with three occurrences', async () => {
    const output = await example('src/lifecycle.ts');
    expect(output).toContain('Use edit_file → run_tests — 3 occurrences, 3 successes');
    expect(output).toMatch(/reward \d\.\d\d, quality 0\.\d\d/);
    expect(output).toMatch(/playbook:\n {2}1\. Use /);
  });

  it('feedback loop: the procedure that worked overtakes the one that failed', async () => {
    const output = await example('src/feedback-loop.ts');
    const [before, after] = output.split('After four rounds of feedback:');
    expect(before).toMatch(/1\. Use build_image → deploy_over_ssh/);
    expect(after).toMatch(/1\. Use build_image → deploy_to_kubernetes .* applied 3, succeeded 3/);
  });
});

describe('http agent example (against the built memory-service binary)', () => {
  it('follows the recommended playbook, reports failures, and gets a different playbook after two', async () => {
    const binary = new URL('../../packages/memory-service/dist/main.js', import.meta.url).pathname;
    const directory = createTempDirectory('slm-example-http-');
    const port = await freePort();
    const service = spawn(process.execPath, [binary], {
      env: {
        PATH: process.env['PATH'] ?? '',
        TURSO_DATABASE_URL: directory.databaseUrl(),
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      for (
        let attempt = 0;
        !(await fetch(`${url}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ));
        attempt++
      ) {
        if (attempt > 200) throw new Error('memory-service did not start');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const { stdout } = await run(TSX, ['src/http-agent.ts'], {
        cwd: EXAMPLES,
        env: { ...process.env, MEMORY_URL: url },
      });
      expect(stdout).toMatch(/round 1: build_image → deploy_over_ssh {2}\|/);
      expect(stdout).toMatch(/round 2: build_image → deploy_over_ssh {2}\|/);
      expect(stdout).toMatch(/round 3: build_image → deploy_to_kubernetes {2}\|/);
      expect(stdout).toContain('followed build_image → deploy_to_kubernetes: succeeded');
    } finally {
      service.kill('SIGTERM');
      await new Promise((resolve) => service.once('exit', resolve));
      directory.remove();
    }
  });
});
