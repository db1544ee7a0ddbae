/**
 * Child process of exit-gate.int.test.ts: starts read threads on the file given as the first argument, sends
 * each a statement that runs for a few hundred milliseconds, and leaves while they run — `process.exit(0)`
 * with mode `exit`, an uncaught exception with mode `throw`.
 */
import { createClient } from '@libsql/client';
import { ReadThreads } from '../../src/sql/read-threads.js';
import { clientRunner } from '../../src/sql/runner.js';

const [file, mode] = process.argv.slice(2);
if (!file) throw new Error('usage: exit-during-read.ts FILE exit|throw');
const client = createClient({ url: `file:${file}` });
const threads = new ReadThreads(
  file,
  1_000,
  { threads: 2, startAfterReads: 0, cacheKib: 2_048 },
  clientRunner(client),
);
while (threads.state !== 'running') await new Promise((resolve) => setTimeout(resolve, 10));
const slow =
  'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) AS n FROM c';
setTimeout(() => {
  process.stdout.write('leaving\n');
  if (mode === 'throw') throw new Error('a crash while reads run');
  process.exit(0);
}, 50);
await Promise.all([threads.runner().execute(slow), threads.runner().execute(slow)]);
