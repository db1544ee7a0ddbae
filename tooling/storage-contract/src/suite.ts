import { describe } from 'vitest';
import type { ContractTarget } from './index.js';

/** Registers the whole contract suite for one backend. (Being written: see tooling/storage-contract/README.md.) */
export function runStorageContract(target: ContractTarget): void {
  describe(`storage contract: ${target.name}`, () => {});
}
