import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tooling/eval/src/cli → four levels up). */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The dataset's default place: `../shared/datasets/tau-bench` beside the repository. */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/datasets/tau-bench');

/**
 * The full dataset when it can be found without being told: `shared/datasets/tau-bench` beside the repository
 * or beside any of its parent directories (a clone may sit deeper than the usual checkout). Undefined if none.
 */
export function findDefaultDataDir(): string | undefined {
  let directory = resolve(REPO_ROOT, '..');
  for (;;) {
    const candidate = resolve(directory, 'shared/datasets/tau-bench');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** `--data DIR`, else `SLM_EVAL_DATA`, else the default; throws a clear error when the directory is absent. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env['SLM_EVAL_DATA'] ?? findDefaultDataDir() ?? DEFAULT_DATA_DIR;
  const dir = resolve(chosen);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const source = flag ? '--data' : env['SLM_EVAL_DATA'] ? 'SLM_EVAL_DATA' : 'the default location';
    throw new Error(
      `τ-bench dataset not found at ${dir} (from ${source}); pass --data DIR or set SLM_EVAL_DATA to the directory holding retail_tasks_train.json`,
    );
  }
  return dir;
}
