import { createRequire } from 'node:module';

/** Prepared statements kept per local connection; the least recently used beyond this are dropped. */
const MAX_STATEMENTS = 256;
const INSTALLED = Symbol.for('slm.storage-turso.statement-cache');

interface NativeStatement {
  all(...parameters: unknown[]): unknown;
  run(...parameters: unknown[]): unknown;
}

interface NativeDatabasePrototype {
  prepare(sql: string): NativeStatement;
  close(): void;
  [INSTALLED]?: true;
}

const counts = { prepared: 0, reused: 0 };
/** The outcome of the first install: later calls (one per opened storage) return it without resolving again. */
let active: boolean | undefined;

/**
 * Makes local libSQL connections reuse their prepared statements.
 *
 * `@libsql/client` prepares every statement anew on every call (0.18, over the `libsql` package). A CPU
 * profile of a completion on a file put preparing among its largest costs; the store's SQL is a fixed set of
 * texts, so each connection can keep what it prepared. The client's `Database` class is patched once per
 * process (the class `@libsql/client` itself resolves, so it is the one it uses): `prepare` returns the
 * connection's cached statement for the same text. Reuse is safe because the client runs each statement to
 * completion before returning and sets its modes (raw, safe integers) on every call. A statement that throws
 * is dropped from the cache, so one left un-reset by a failure (see `DatabaseClients.local`) is never handed
 * out again; `close` drops the connection's cache. Returns whether the cache is active.
 */
export function installStatementCache(): boolean {
  active ??= patchPrepare();
  return active;
}

function patchPrepare(): boolean {
  const prototype = libsqlDatabasePrototype();
  if (!prototype) return false;
  if (prototype[INSTALLED]) return true;
  const caches = new WeakMap<object, Map<string, NativeStatement>>();
  const prepare = prototype.prepare;
  const close = prototype.close;
  prototype.prepare = function (this: object, sql: string): NativeStatement {
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    const cached = cache.get(sql);
    if (cached) {
      counts.reused++;
      // Most recently used last: the first entry is the one to drop.
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    counts.prepared++;
    const statement = prepare.call(this, sql);
    const owner = cache;
    dropOnFailure(statement, () => {
      if (owner.get(sql) === statement) owner.delete(sql);
    });
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
    cache.set(sql, statement);
    return statement;
  };
  prototype.close = function (this: object): void {
    caches.delete(this);
    close.call(this);
  };
  prototype[INSTALLED] = true;
  return true;
}

/** Statements prepared and reused through the cache in this process (for tests and diagnostics). */
export function statementCacheCounts(): { prepared: number; reused: number } {
  return { ...counts };
}

function dropOnFailure(statement: NativeStatement, drop: () => void): void {
  for (const method of ['all', 'run'] as const) {
    const original = statement[method];
    statement[method] = (...parameters: unknown[]) => {
      try {
        return original.apply(statement, parameters);
      } catch (error) {
        drop();
        throw error;
      }
    };
  }
}

/** The `libsql` Database class as `@libsql/client` resolves it, or undefined when it cannot be found. */
function libsqlDatabasePrototype(): NativeDatabasePrototype | undefined {
  try {
    const clientEntry = createRequire(import.meta.url).resolve('@libsql/client');
    const Database = createRequire(clientEntry)('libsql') as { prototype?: NativeDatabasePrototype };
    const prototype = Database.prototype;
    return typeof prototype?.prepare === 'function' && typeof prototype.close === 'function'
      ? prototype
      : undefined;
  } catch {
    // Another client layout: run without the cache rather than fail to open.
    return undefined;
  }
}
