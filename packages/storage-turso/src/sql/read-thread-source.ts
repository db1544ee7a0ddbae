import { EXIT_GATE_SOURCE } from './exit-gate.js';

/**
 * The program of a read thread, plain CommonJS evaluated in the worker so that it runs the same from source
 * and from the build. It opens its own read-only connection to the file and answers one request at a time,
 * in the order they arrive: `execute` (one statement) or `batch` (statements in one read transaction, one
 * snapshot); `stop` closes the connection and ends the thread by itself (terminating a thread inside a libsql
 * call aborts the process). Every libsql call runs through the exit gate (exit-gate.ts), so the process
 * does not exit in the middle of one.
 *
 * Values travel as `@libsql/client` gives them for a local file (`intMode: "number"`): integers as numbers
 * (a RangeError beyond 2^53, as the client throws), blobs as ArrayBuffers; arguments are converted the way
 * the client converts them. A statement that fails is dropped from the statement cache, and after a busy or
 * locked error the connection is reopened: libsql leaves such a statement un-reset, holding a stale snapshot.
 */
export const READ_THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${EXIT_GATE_SOURCE}
const Database = require(workerData.libsqlPath);
const MAX_STATEMENTS = 256;
let db;
let statements;
function open() {
  db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
  statements = new Map();
  db.prepare('PRAGMA query_only = 1').run();
  db.prepare('PRAGMA cache_size = -' + workerData.cacheKib).run();
}
function prepared(sql) {
  let statement = statements.get(sql);
  if (statement) {
    statements.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value);
  }
  statements.set(sql, statement);
  return statement;
}
function argument(value) {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}
function argumentsOf(args) {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(argument);
  const named = {};
  for (const name of Object.keys(args)) {
    named[name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.slice(1) : name] = argument(args[name]);
  }
  return named;
}
function column(value, transfers) {
  if (typeof value === 'bigint') {
    if (value > 9007199254740991n || value < -9007199254740991n) {
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    }
    return Number(value);
  }
  if (value instanceof Uint8Array) {
    const copy = value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
    transfers.push(copy);
    return copy;
  }
  return value;
}
function run(statement, transfers) {
  const sql = typeof statement === 'string' ? statement : statement.sql;
  const args = argumentsOf(typeof statement === 'string' ? undefined : statement.args);
  let compiled;
  try {
    compiled = prepared(sql);
    compiled.safeIntegers(true);
    let returnsData = true;
    try {
      compiled.raw(true);
    } catch {
      returnsData = false;
    }
    if (!returnsData) {
      const info = compiled.run(args);
      return { columns: [], columnTypes: [], rows: [], rowsAffected: info.changes };
    }
    const described = compiled.columns();
    const rows = compiled.all(args).map((row) => row.map((value) => column(value, transfers)));
    return { columns: described.map((c) => c.name), columnTypes: described.map((c) => c.type || ''), rows, rowsAffected: 0 };
  } catch (error) {
    statements.delete(sql);
    throw error;
  }
}
function failure(error) {
  const code = error && typeof error.code === 'string' ? error.code : undefined;
  if (code && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    try { db.close(); } catch {}
    open();
  }
  return {
    name: (error && error.name) || 'Error',
    message: String((error && error.message) || error),
    code,
    rawCode: error && typeof error.rawCode === 'number' ? error.rawCode : undefined,
  };
}
function answer(request) {
  try {
    guarded(() => {
      try {
        respond(request);
      } catch (error) {
        parentPort.postMessage({ id: request.id, error: failure(error) });
      }
    });
  } catch (error) {
    // The process is exiting: no more libsql calls.
    parentPort.postMessage({ id: request.id, error: { name: 'Error', message: String((error && error.message) || error) } });
  }
}
function respond(request) {
  const transfers = [];
  if (request.op === 'execute') {
    parentPort.postMessage({ id: request.id, result: run(request.statement, transfers) }, transfers);
    return;
  }
  run('BEGIN TRANSACTION READONLY', transfers);
  try {
    const results = request.statements.map((statement) => run(statement, transfers));
    run('COMMIT', transfers);
    parentPort.postMessage({ id: request.id, results }, transfers);
  } catch (error) {
    try { run('ROLLBACK', []); } catch {}
    throw error;
  }
}
let opened = false;
try {
  guarded(open);
  opened = true;
} catch (error) {
  parentPort.postMessage({ failed: String((error && error.message) || error) });
  parentPort.close();
}
if (opened) {
  parentPort.on('message', (request) => {
    if (request.op !== 'stop') return answer(request);
    try { guarded(() => db.close()); } catch {}
    parentPort.close();
  });
  parentPort.postMessage({ ready: true });
}
`;
