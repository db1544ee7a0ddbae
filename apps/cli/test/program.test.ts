import { describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../src/cli-io.js';
import { runCli } from '../src/index.js';

/** Parsing runs in-process: no store is opened by any of these command lines. */
function capture(): { io: CliIO; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: { write: vi.fn((text: string) => out.push(text)) },
    stderr: { write: vi.fn((text: string) => err.push(text)), isTTY: false },
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('command line parsing', () => {
  it('prints help for the program and for each command (exit 0)', async () => {
    const program = capture();
    expect(await runCli(['--help'], program.io)).toBe(0);
    expect(program.stdout()).toContain('Usage: memory-cli [options] [command]');
    const exportHelp = capture();
    expect(await runCli(['export', '--help'], exportHelp.io)).toBe(0);
    for (const option of ['--out <file>', '--all-namespaces', '--since <when>']) {
      expect(exportHelp.stdout()).toContain(option);
    }
    const cache = capture();
    expect(await runCli(['help', 'cache'], cache.io)).toBe(0);
    expect(cache.stdout()).toMatch(/stats.*\n.*regenerate/s);
  });

  it('refuses bad command lines with exit 2 before opening anything', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['expor'], /unknown command 'expor'.*Did you mean export\?/s],
      [['export', '--out', 'backup.tar'], /must end in \.jsonl or \.jsonl\.gz/],
      [['export', '--since', 'last week'], /expected an ISO date/],
      [['cache', 'regenerate', '--warm', '-5'], /expected a positive integer|unknown option/],
      [
        ['episodes', 'list', '--outcome', 'won'],
        /Allowed choices are success, partial_success, failure, abstained/,
      ],
      [['import'], /missing required argument 'file'/],
      [['patterns', 'list', '--limit', '101'], /at most 100 per page/],
    ];
    for (const [argv, message] of cases) {
      const run = capture();
      expect(await runCli(argv, run.io), argv.join(' ')).toBe(2);
      expect(run.stderr()).toMatch(message);
      expect(run.stdout()).toBe('');
    }
  });

  it('reports a configuration error with every problem, as JSON too with --json', async () => {
    const run = capture();
    run.io.env = { MEMORY_DURABILITY: 'maybe', MEMORY_EMBEDDINGS: 'openai-compatible' };
    expect(await runCli(['status', '--json'], run.io)).toBe(2);
    const { error } = JSON.parse(run.stdout()) as {
      error: { code: string; details: { problems: Array<{ variable: string }> } };
    };
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details.problems.map((problem) => problem.variable).sort()).toEqual([
      'EMBEDDINGS_BASE_URL',
      'EMBEDDINGS_MODEL',
      'MEMORY_DURABILITY',
    ]);
    expect(run.stderr()).toContain('memory-cli: invalid configuration (3 problems)');
  });
});
