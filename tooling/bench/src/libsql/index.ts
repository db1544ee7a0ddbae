import { benchLibsqlLifecycle, type LibsqlLifecycleResults } from './lifecycle.js';
import { benchLibsqlScale, type ScaleResult } from './scale.js';
import { benchThroughput, type ThroughputResult } from './throughput.js';

export interface LibsqlResults {
  lifecycle: LibsqlLifecycleResults;
  throughput: ThroughputResult;
  scale: ScaleResult;
}

/** Every libSQL file measurement, each on its own temp database. */
export async function benchLibsql(
  sizes: readonly number[],
  progress: (message: string) => void,
): Promise<LibsqlResults> {
  progress('libSQL: lifecycle …');
  const lifecycle = await benchLibsqlLifecycle();
  progress('libSQL: 64 concurrent writers …');
  const throughput = await benchThroughput();
  const scale = await benchLibsqlScale(sizes, progress);
  return { lifecycle, throughput, scale };
}
