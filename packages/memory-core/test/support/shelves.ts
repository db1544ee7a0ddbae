import type { Partition } from '../../src/storage/in-memory/partitions.js';

/** Two partitions and the `admits` predicates the partitioned-index tests search with. */
export type Shelf = Partition;
export const red: Shelf = { key: 'red' };
export const blue: Shelf = { key: 'blue' };
export const all = () => true;
export const only = (shelf: Shelf) => (partition: Shelf) => partition.key === shelf.key;
