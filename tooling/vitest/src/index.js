// Plain JavaScript: vitest loads config files through Node, which cannot import TypeScript from a package.
import { defineConfig } from 'vitest/config';

/**
 * The vitest configuration every package uses: unit tests beside the source, integration tests in test/.
 * Workspace packages resolve to their TypeScript sources (the `source` export condition), so tests never run
 * against a stale build; tests of the binaries spawn the built files.
 *
 * @param {import('./index.js').ProjectTestOptions} [options]
 */
export function defineProjectConfig(options = {}) {
  return defineConfig({
    resolve: { conditions: ['source'] },
    ssr: { resolve: { conditions: ['source'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: options.testTimeoutMs ?? 20_000,
      hookTimeout: 30_000,
      globalSetup: options.redis ? [new URL('./redis-global-setup.ts', import.meta.url).pathname] : [],
      pool: 'forks',
    },
  });
}
