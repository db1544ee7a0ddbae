import type { StorageBackend } from '@slm/memory-core';

/** A backend under test: a factory for fresh, empty instances on real resources. */
export interface ContractTarget {
  /** Shown in test names, e.g. `libsql-file`. */
  name: string;
  /** Embedding dimension the instances are created with (vectors in the suite use it). */
  dimensions: number;
  /** A fresh, empty backend and a cleanup that closes it and removes its files. */
  create(): Promise<ContractInstance>;
}

export interface ContractInstance {
  storage: StorageBackend;
  /**
   * Closes `storage` and opens a new instance on the same underlying data (same file, same Redis), to check
   * that acknowledged writes persist. Absent for backends that keep nothing (in-memory).
   */
  reopen?: () => Promise<StorageBackend>;
  cleanup(): Promise<void>;
}

export { reopenableInstance } from './reopenable.js';
export { runStorageContract } from './suite.js';
