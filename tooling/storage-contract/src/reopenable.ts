import type { StorageBackend } from '@slm/memory-core';
import type { ContractInstance } from './index.js';

/**
 * A contract instance for a store that `open` opens afresh on the same data: `reopen` closes and opens it
 * again (durability across restarts), `cleanup` closes it and then runs `after` with the last instance.
 */
export async function reopenableInstance<S extends StorageBackend>(
  open: () => Promise<S>,
  after: (storage: S) => void = () => {},
): Promise<ContractInstance> {
  let storage = await open();
  return {
    storage,
    async reopen() {
      await storage.close();
      storage = await open();
      return storage;
    },
    async cleanup() {
      await storage.close();
      after(storage);
    },
  };
}
