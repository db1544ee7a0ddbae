import { createRequire } from 'node:module';

/**
 * The `libsql` package that `@libsql/client` resolves: worker threads open their own connections with it, so
 * they use the same native build as the main thread. Undefined when it cannot be resolved.
 */
export function libsqlModulePath(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return createRequire(require.resolve('@libsql/client')).resolve('libsql');
  } catch {
    return undefined;
  }
}
