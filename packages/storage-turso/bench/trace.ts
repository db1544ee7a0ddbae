// Statement-level trace of one memory-core operation on the libSQL backend (diagnostics, not a benchmark).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InStatement, Transaction } from '@libsql/client';
import { createMemory } from '@slm/memory-core';
import { createTursoStorage } from '../src/index.js';

const totals = new Map<string, { ms: number; n: number }>();
let tracing = false;
const key = (s: InStatement | string) =>
  (typeof s === 'string' ? s : s.sql).replace(/\s+/g, ' ').slice(0, 70);
async function timed<T>(k: string, run: () => Promise<T>): Promise<T> {
  if (!tracing) return run();
  const started = performance.now();
  try {
    return await run();
  } finally {
    const entry = totals.get(k) ?? { ms: 0, n: 0 };
    entry.ms += performance.now() - started;
    entry.n++;
    totals.set(k, entry);
  }
}
function wrap<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property);
      // Loosely typed on purpose: the same wrapper serves clients and transactions.
      const call = value as (...args: unknown[]) => Promise<unknown>;
      if (property === 'execute') return (s: InStatement) => timed(key(s), () => call.call(object, s));
      if (property === 'batch')
        return (s: InStatement[], mode?: unknown) =>
          timed(`batch(${s.length}): ${key(s[0]!)}`, () => call.call(object, s, mode));
      if (property === 'transaction')
        return async (mode: unknown) =>
          wrap((await timed('BEGIN', () => call.call(object, mode))) as Transaction);
      if (property === 'commit') return () => timed('COMMIT', () => call.call(object));
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
const directory = mkdtempSync(join(tmpdir(), 'slm-trace-'));
const storage = await createTursoStorage(
  { url: `file:${join(directory, 'm.db')}`, embeddingDimensions: 384 },
  { wrapClient: wrap },
);
const memory = await createMemory({ storage });
const mode = process.argv[2] ?? 'complete';
const steps = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    stepNumber: i + 1,
    tool: ['read_file', 'edit_file', 'run_tests'][i % 3]!,
    action: `check the thing ${i}`,
    parameters: {},
    result: { type: 'success' as const, output: 'ok' },
    latencyMs: 10,
  }));
for (let i = 0; i < 300; i++) {
  const e = await memory.startEpisode({
    taskDescription: `fix the login flow ${i % 17} and the payment webhook`,
    taskType: 'debugging',
    context: { domain: 'web-api' },
  });
  await memory.logSteps(e.id, steps(20));
  if (mode === 'complete' && i === 299) tracing = true;
  const t = performance.now();
  await memory.completeEpisode(e.id, { type: 'success', verdict: 'done', artifacts: [] });
  if (tracing) console.log('complete took', (performance.now() - t).toFixed(2), 'ms');
}
if (mode === 'retrieve') {
  tracing = true;
  const t = performance.now();
  for (let i = 0; i < 20; i++)
    await memory.retrieveContext({
      query: 'fix the payment webhook',
      context: { domain: 'web-api' },
      limit: 5,
    });
  console.log('retrieve avg', ((performance.now() - t) / 20).toFixed(2), 'ms');
}
await memory.flush();
tracing = false;
let sum = 0;
for (const [k, v] of [...totals].sort((a, b) => b[1].ms - a[1].ms)) {
  sum += v.ms;
  console.log(v.ms.toFixed(2).padStart(8), 'ms', String(v.n).padStart(4), k);
}
console.log('sql total', sum.toFixed(2));
await memory.close();
