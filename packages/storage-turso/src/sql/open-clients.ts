import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { type DatabaseLocation, fileUrl } from '../url-policy.js';
import { installStatementCache } from './statement-cache.js';

/** The clients one storage uses. For a file, writes and reads get separate connections. */
export interface DatabaseClients {
  /** Runs the group-commit transactions (and migrations). */
  writer: Client;
  /** Runs reads; the same client as `writer` for remote databases and embedded replicas. */
  reader: Client;
  /** Reads must not overlap a write transaction (an embedded replica has a single connection). */
  exclusive: boolean;
  /** Statements to run on the writer before each transaction (per-connection pragmas of a file). */
  writerPragmas: string[];
  /** One-time preparation before migrating (WAL for a file, the first sync of a replica); safe to retry. */
  prepare: () => Promise<void>;
  /**
   * Whether connections are local SQLite connections. With @libsql/client 0.18 (libsql 0.5.29) a local
   * statement that fails with SQLITE_BUSY is left un-reset: the connection then keeps a stale read snapshot
   * and cannot COMMIT ("SQL statements in progress") until the statement is garbage-collected. Local clients
   * are therefore reconnected before a retry.
   */
  local: boolean;
  /** A plain local file (not a replica): its path, for the background checkpoint's own connection. */
  file?: { path: string; busyTimeoutMs: number };
}

export interface ClientOptions {
  busyTimeoutMs: number;
  maxConnections: number;
  /** Page cache of a file's main-thread reader, in KiB. */
  readerCacheKib: number;
  /** Wraps each created client (tests inject faults here). */
  wrapClient?: ((client: Client) => Client) | undefined;
}

/**
 * Opens the clients for a location. A file database gets a single-connection writer (all writes are
 * serialised by group commit, so one connection suffices and its pragmas stay put) and a small reader pool;
 * WAL lets readers proceed while the writer commits.
 */
export function openClients(location: DatabaseLocation, options: ClientOptions): DatabaseClients {
  const wrap = options.wrapClient ?? ((client: Client) => client);
  if (location.kind === 'remote') {
    const client = wrap(
      createClient({ url: location.url, authToken: location.authToken, concurrency: options.maxConnections }),
    );
    return {
      writer: client,
      reader: client,
      exclusive: false,
      writerPragmas: [],
      prepare: async () => {},
      local: false,
    };
  }
  mkdirSync(dirname(location.path), { recursive: true });
  installStatementCache();
  const url = fileUrl(location.path);
  if (location.kind === 'replica') {
    const client = wrap(
      createClient({
        url,
        syncUrl: location.syncUrl,
        authToken: location.authToken,
        timeout: options.busyTimeoutMs,
        ...(location.syncIntervalSeconds !== undefined ? { syncInterval: location.syncIntervalSeconds } : {}),
      }),
    );
    const prepare = async () => {
      await client.sync();
    };
    return { writer: client, reader: client, exclusive: true, writerPragmas: [], prepare, local: true };
  }
  const writer = wrap(createClient({ url, timeout: options.busyTimeoutMs, concurrency: 1 }));
  let reader: Client;
  try {
    // One connection: file reads run synchronously inside the client, so a second would only add a cache.
    reader = wrap(createClient({ url, timeout: options.busyTimeoutMs, concurrency: 1 }));
  } catch (error) {
    writer.close();
    throw error;
  }
  const prepare = async () => {
    // WAL is a property of the file: set once, it stays. It lets readers run while a write commits.
    await writer.execute('PRAGMA journal_mode = WAL');
    await reader.execute(`PRAGMA cache_size = -${options.readerCacheKib}`);
  };
  return {
    writer,
    reader,
    exclusive: false,
    writerPragmas: FILE_WRITER_PRAGMAS,
    prepare,
    local: true,
    file: { path: location.path, busyTimeoutMs: options.busyTimeoutMs },
  };
}

/**
 * Re-asserted on the writer connection before every transaction: they are per connection, and the client may
 * replace a connection it found broken. `synchronous = NORMAL` in WAL mode keeps every acknowledged commit
 * across a crash of the process (only an OS crash or power loss can lose the last commits).
 */
const FILE_WRITER_PRAGMAS = [
  'PRAGMA synchronous = NORMAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA cache_size = -16384',
];

export function closeClients(clients: DatabaseClients): void {
  clients.writer.close();
  if (clients.reader !== clients.writer) clients.reader.close();
}
