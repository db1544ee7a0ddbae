import type { StorageBackend } from '@slm/memory-core';
import { afterEach, beforeEach } from 'vitest';
import type { ContractInstance, ContractTarget } from './index.js';

/** What every case file gets: the backend of the running test, fresh and empty for each test. */
export interface Harness {
  readonly target: ContractTarget;
  /** The backend under test (replaced by `reopen`). */
  storage(): StorageBackend;
  /** Another fresh, empty instance of the same backend, cleaned up after the test (export → import). */
  fresh(): Promise<StorageBackend>;
  /** Whether the backend keeps data across `reopen`. */
  readonly canReopen: () => boolean;
  /** Closes the backend and opens it again on the same data. */
  reopen(): Promise<StorageBackend>;
}

/** Registers per-test setup and cleanup; call inside the suite's `describe`. */
export function createHarness(target: ContractTarget): Harness {
  let instance: ContractInstance | undefined;
  let storage: StorageBackend | undefined;
  let extras: ContractInstance[] = [];

  beforeEach(async () => {
    instance = await target.create();
    storage = instance.storage;
  });

  afterEach(async () => {
    const cleanups = [instance, ...extras].filter((value): value is ContractInstance => value !== undefined);
    instance = undefined;
    storage = undefined;
    extras = [];
    for (const cleanup of cleanups) await cleanup.cleanup();
  });

  return {
    target,
    storage() {
      if (!storage) throw new Error('the contract harness has no backend outside a test');
      return storage;
    },
    async fresh() {
      const extra = await target.create();
      extras.push(extra);
      return extra.storage;
    },
    canReopen: () => instance?.reopen !== undefined,
    async reopen() {
      if (!instance?.reopen) throw new Error(`${target.name} cannot reopen`);
      storage = await instance.reopen();
      return storage;
    },
  };
}
