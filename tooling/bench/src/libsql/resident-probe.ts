/**
 * Child process of `probeFreshProcess`: opens the libSQL file given as the argument with the whole memory,
 * answers retrievals, and sends its RSS to the parent.
 */
import { createMemory } from '@slm/memory-core';
import { random, retrievalQuery } from '../workload.js';
import { openLibsqlStorage } from './open.js';
import { residentMegabytes } from './resident-memory.js';

const RETRIEVALS = 200;

const file = process.argv[2];
if (!file || !process.send) throw new Error('run by probeFreshProcess with the database file');
const memory = await createMemory({ storage: await openLibsqlStorage(file) });
const next = random(50);
for (let index = 0; index < RETRIEVALS; index++) {
  await memory.retrieveContext(retrievalQuery(next));
  // As in a live service, the event loop turns between requests (so the read threads start and are used).
  await new Promise((resolve) => setImmediate(resolve));
}
const rssMegabytes = residentMegabytes();
await memory.close();
process.send({ rssMegabytes, retrievals: RETRIEVALS }, () => process.exit(0));
