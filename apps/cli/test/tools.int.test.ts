import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './support/cli.js';

/** The τ-bench excerpt kept in the repository for tooling/eval's own tests. */
const SAMPLE = fileURLToPath(
  new URL('../../../tooling/eval/test/fixtures/tau-bench-sample', import.meta.url),
);

describe('memory-cli eval', () => {
  it('runs the evaluation harness with its options: one JSON report, or the tables', async () => {
    const json = await runCliJson(['eval', '--data', SAMPLE, '--subset', '5', '--rounds', '2']);
    expect(json.code).toBe(0);
    expect(Object.keys(json.json)).toEqual(
      expect.arrayContaining([
        'procedureRetrieval',
        'playbookAccuracy',
        'realRuns',
        'learningCurve',
        'latencyMs',
        'ablation',
      ]),
    );
    expect(json.json['learningCurve']).toHaveLength(2);
    expect(json.json['meta']).toMatchObject({ split: 'test', dataDir: SAMPLE });

    const human = await runCli(['eval', '--split', 'dev', '--rounds', '1', '--subset', '5'], {
      env: { SLM_EVAL_DATA: SAMPLE },
    });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('τ-bench evaluation — split dev');
    expect(human.stdout).toMatch(/^procedure retrieval nDCG@5 /m);
    // Not a terminal: no progress bar on stderr.
    expect(human.stderr).toBe('');
  });

  it('exits 2 when the dataset is not there or an option is wrong', async () => {
    const missing = await runCliJson(['eval', '--data', '/nonexistent/tau-bench']);
    expect(missing.code).toBe(2);
    expect(missing.json).toMatchObject({
      error: { code: 'CONFIG_INVALID', message: expect.stringContaining('/nonexistent/tau-bench') },
    });
    expect((await runCli(['eval', '--split', 'train', '--data', SAMPLE])).code).toBe(2);
    expect((await runCli(['eval', '--rounds', '0', '--data', SAMPLE])).code).toBe(2);
  });
});

describe('memory-cli bench', () => {
  it('passes its options to pnpm bench in the checkout and exits with its code', async () => {
    // An option the benchmark refuses at once: proves the pass-through without running the benchmark.
    const run = await runCli(['bench', '--only', 'no-such-part', '--no-write']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--only takes');
  });

  it('refuses --json (the benchmark prints Markdown)', async () => {
    const run = await runCli(['bench', '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--json is not supported');
  });
});
