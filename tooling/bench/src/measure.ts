/** Latency percentiles in microseconds, measured per operation with the high-resolution clock. */
export interface Latency {
  p50: number;
  p95: number;
  mean: number;
  samples: number;
}

export interface MeasureOptions {
  /** Operations timed per run. */
  iterations: number;
  /** Untimed operations first, so the JIT has settled. */
  warmup: number;
  /**
   * Keep warming up until this much time has passed too (criterion, which measured the seed, warms up for 3 s):
   * microsecond operations need tens of thousands of calls before the optimising compiler is done with them.
   */
  warmupMs?: number;
  /** Independent runs; the reported p50 and p95 are the medians across runs (the machines are noisy). */
  runs: number;
}

/**
 * Times `operation(i)` one call at a time. `prepare(i)` runs untimed before each call, for inputs that
 * must be fresh (a new episode to complete, say).
 */
export async function measure<T>(
  operation: (input: T, index: number) => unknown | Promise<unknown>,
  prepare: (index: number) => T | Promise<T>,
  options: MeasureOptions,
): Promise<Latency> {
  const warmupUntil = performance.now() + (options.warmupMs ?? 0);
  for (let index = 0; index < options.warmup || performance.now() < warmupUntil; index++) {
    await yieldToEventLoop();
    await operation(await prepare(index), index);
  }
  const perRun: Latency[] = [];
  for (let run = 0; run < options.runs; run++) {
    const samples = new Float64Array(options.iterations);
    for (let index = 0; index < options.iterations; index++) {
      // Untimed: let the event loop turn between operations, as it does in a live process (callbacks of
      // threads and timers run; a loop of awaits that resolve at once would starve them).
      await yieldToEventLoop();
      const input = await prepare(index);
      const started = process.hrtime.bigint();
      await operation(input, index);
      samples[index] = Number(process.hrtime.bigint() - started) / 1_000;
    }
    perRun.push(summarise(samples));
  }
  return {
    p50: median(perRun.map((latency) => latency.p50)),
    p95: median(perRun.map((latency) => latency.p95)),
    mean: median(perRun.map((latency) => latency.mean)),
    samples: options.iterations * options.runs,
  };
}

/** Percentiles of latencies (µs) collected by the caller, one run. */
export function summarise(samples: ArrayLike<number>): Latency {
  const sorted = Float64Array.from(samples).sort();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    mean: total / sorted.length,
    samples: sorted.length,
  };
}

function percentile(sorted: Float64Array, fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
