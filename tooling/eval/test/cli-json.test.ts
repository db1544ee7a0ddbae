import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
/** The dataset excerpt kept in the repository, so the test runs on any clone. */
const SAMPLE = fileURLToPath(new URL('./fixtures/tau-bench-sample', import.meta.url));

describe('pnpm eval --json', () => {
  it('prints exactly one JSON object on stdout, progress on stderr', async () => {
    const { stdout, stderr } = await run(
      tsx,
      ['--conditions=source', 'src/main.ts', '--json', '--data', SAMPLE, '--subset', '5', '--rounds', '1'],
      { cwd: packageDir },
    );
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'procedureRetrieval',
        'playbookAccuracy',
        'realRuns',
        'learningCurve',
        'latencyMs',
        'ablation',
      ]),
    );
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('learning curve');
  });

  it('exits non-zero with a clear message when the dataset is missing', async () => {
    const failure = await run(tsx, ['--conditions=source', 'src/main.ts', '--data', '/nonexistent/tau'], {
      cwd: packageDir,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stdout: '' });
    expect((failure as { stderr: string }).stderr).toContain('dataset not found at /nonexistent/tau');
  });
});
