// A second process reading through its own cache (same Redis keys, same database file). It reads the episode
// in a tight loop to keep filling the cache, and answers each `check` line on stdin with what a read returns.
import { createInterface } from 'node:readline';
import { createTursoStorage } from '@slm/storage-turso';
import { withCache } from '../../src/index.js';

interface ReaderOptions {
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
  namespace: string;
  episodeId: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ReaderOptions;
const durable = await createTursoStorage({ url: options.databaseUrl, embeddingDimensions: 8 });
// A generous timeout, as in the other staleness tests: on a loaded machine the 50 ms default can expire, which
// degrades to a durable read (never stale) but counts an error, and the test asserts none.
const cache = withCache(durable, {
  redis: options.redisUrl,
  keyPrefix: options.keyPrefix,
  operationTimeoutMs: 5_000,
});
const read = async () => (await cache.getEpisode(options.namespace, options.episodeId))?.steps.length ?? -1;

let stopping = false;
const hammer = (async () => {
  while (!stopping) await read();
})();

const print = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
print({ type: 'ready' });
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'check') print({ type: 'steps', steps: await read() });
  if (line === 'stop') break;
}
stopping = true;
await hammer;
print({ type: 'statistics', ...(await cache.cacheStatistics()) });
await cache.close();
