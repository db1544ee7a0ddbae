import type { TursoStorage } from '../../src/index.js';

/**
 * What the contract suite's `create` returns, for a store that `open` opens afresh: `reopen` closes and opens
 * it again (durability across restarts), `cleanup` closes it and then runs `after`.
 */
export async function contractTarget(
  open: () => Promise<TursoStorage>,
  after: (storage: TursoStorage) => void = () => {},
) {
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
