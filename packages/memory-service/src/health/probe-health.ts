import type { MemoryHealth, SelfLearningMemory } from '@slm/memory-core';
import { redactSecrets } from '../http/redact.js';

export interface HealthReport {
  status: MemoryHealth['status'];
  storage: MemoryHealth['storage'] | null;
  cache: MemoryHealth['cache'];
  /** Why the probe itself failed (the memory is closed, or the probe timed out). */
  error?: string;
}

/**
 * Real probes of the store and the cache (`memory.health()`), bounded by `timeoutMs`: a probe that hangs
 * counts as down. A closed memory is down. Error texts are redacted (a URL may carry credentials).
 */
export async function probeHealth(memory: SelfLearningMemory, timeoutMs: number): Promise<HealthReport> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`health probe took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const health = await Promise.race([memory.health(), timeout]);
    return {
      status: health.status,
      storage: withRedactedError(health.storage),
      cache: health.cache === null ? null : withRedactedError(health.cache),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'down', storage: null, cache: null, error: redactSecrets(reason) };
  } finally {
    clearTimeout(timer);
  }
}

function withRedactedError<Probe extends { error?: string }>(probe: Probe): Probe {
  return probe.error === undefined ? probe : { ...probe, error: redactSecrets(probe.error) };
}
