/**
 * `@slm/memory-core/testing`: the in-memory storage backend, the reference implementation of the storage
 * contract. For tests, examples and short-lived processes; nothing survives the process.
 */
export { createInMemoryStorage, type InMemoryStorageOptions } from './storage/in-memory/index.js';
