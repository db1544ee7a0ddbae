import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryError } from '@slm/memory-core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { globalOptions } from '../config/global-options.js';
import { findUpward, hasFiles } from '../tooling/find-upward.js';

/**
 * `memory-cli bench [options]`: runs the benchmark of tooling/bench — `pnpm --filter @slm/bench run bench --
 * [options]` from the repository root — passing every option through (`--no-write`, `--only …`, `--sizes …`).
 * It needs the repository checkout: the benchmark is not part of the published CLI.
 */
export function registerBenchCommand(program: Command, context: CliContext): void {
  program
    .command('bench')
    .description('run the benchmark (pnpm bench) from the repository checkout; options are passed through')
    .argument('[options...]', 'benchmark options, e.g. --no-write --only libsql')
    .allowUnknownOption()
    .action(async (args: string[], _options: unknown, command: Command) => {
      if (globalOptions(command).json) {
        throw new MemoryError('VALIDATION_FAILED', 'bench prints a Markdown report: --json is not supported');
      }
      const root = repositoryRoot();
      context.exitCode = await runPnpm(
        root,
        ['--filter', '@slm/bench', 'run', 'bench', '--', ...args],
        context.io.env,
      );
    });
}

function repositoryRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = findUpward([process.cwd(), here], (directory) =>
    hasFiles(directory, 'pnpm-workspace.yaml', 'tooling/bench/package.json'),
  );
  if (root === undefined) {
    throw new Error('memory-cli bench runs the benchmark of the repository: run it inside a checkout of it');
  }
  return root;
}

/** Runs pnpm with this process's terminal; resolves to its exit code (1 when it was killed or did not start). */
function runPnpm(
  cwd: string,
  args: string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', args, { cwd, env: { ...env }, stdio: 'inherit' });
    child.once('error', (error) => reject(new Error(`cannot run pnpm (is it installed?): ${error.message}`)));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
