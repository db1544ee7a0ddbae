/**
 * `pnpm bench`: measures the lifecycle and retrieval, prints the report and writes it to
 * docs/performance.md. `--no-write` only prints; `--sizes 1000,10000` chooses the retrieval sizes.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchLifecycle } from './lifecycle.js';
import { renderReport } from './render.js';
import { benchRetrieval, type RetrievalResult } from './retrieval.js';

const { values } = parseArgs({
  // pnpm forwards a literal `--` before the arguments.
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: {
    'no-write': { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,10000' },
  },
});

const progress = (message: string) => process.stderr.write(`${message}\n`);

progress('lifecycle …');
const lifecycle = await benchLifecycle();
const retrieval: RetrievalResult[] = [];
for (const size of values.sizes.split(',').map(Number)) {
  progress(`retrieval over ${size} episodes …`);
  retrieval.push(await benchRetrieval(size));
}
const report = renderReport({ lifecycle, retrieval });
process.stdout.write(report);
if (!values['no-write']) {
  const target = new URL('../../../docs/performance.md', import.meta.url);
  writeFileSync(target, report);
  progress(`written to ${target.pathname}`);
}
