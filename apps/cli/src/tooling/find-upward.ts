import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The first directory, from each start upward, for which `matches` holds; undefined when none does. Used to find
 * the repository checkout (bench) and the τ-bench dataset beside it (eval).
 */
export function findUpward(
  starts: readonly string[],
  matches: (directory: string) => boolean,
): string | undefined {
  for (const start of starts) {
    let directory = resolve(start);
    for (;;) {
      if (matches(directory)) return directory;
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  return undefined;
}

export function hasFiles(directory: string, ...paths: string[]): boolean {
  return paths.every((path) => existsSync(join(directory, path)));
}
