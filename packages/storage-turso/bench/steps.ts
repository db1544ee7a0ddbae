// Step logging through the storage alone: one writer (latency) and 64 concurrent writers (throughput).
// `tsx --conditions=source bench/steps.ts`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTursoStorage } from '../src/index.js';
import { episode, NS, step } from '../test/support/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'slm-bench-'));
const storage = await createTursoStorage({ url: `file:${join(dir, 'b.db')}`, embeddingDimensions: 384 });
const one = episode();
await storage.insertEpisode(one);
const lat: number[] = [];
for (let i = 1; i <= 500; i++) {
  const t = performance.now();
  await storage.appendSteps(NS, one.id, [step(i)]);
  lat.push(performance.now() - t);
}
lat.sort((a, b) => a - b);
console.log('one writer append p50', lat[250]!.toFixed(3), 'p95', lat[475]!.toFixed(3));
const eps = Array.from({ length: 64 }, () => episode());
await Promise.all(eps.map((e) => storage.insertEpisode(e)));
const t0 = performance.now();
let n = 0;
await Promise.all(
  eps.map(async (e) => {
    for (let i = 1; i <= 100; i++) {
      await storage.appendSteps(NS, e.id, [step(i)]);
      n++;
    }
  }),
);
const s = (performance.now() - t0) / 1000;
console.log(
  '64 writers',
  n,
  'steps in',
  s.toFixed(2),
  's =',
  (n / s).toFixed(0),
  'steps/s',
  storage.writeStatistics(),
);
await storage.close();
rmSync(dir, { recursive: true, force: true });
