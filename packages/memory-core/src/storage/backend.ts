import type { AdminStore } from './admin-store.js';
import type { EpisodeStore } from './episode-store.js';
import type { HeuristicStore, PatternStore } from './pattern-store.js';
import type { ProcedurePriorStore } from './procedure-prior-store.js';
import type { RecommendationStore } from './recommendation-store.js';
import type { RelationshipStore } from './relationship-store.js';
import type { SearchIndex } from './search-index.js';

/**
 * The storage port. Every method is required; absent data is a value (`null`, an empty page), never an
 * exception. Failures surface as `MemoryError('STORAGE_FAILED', …, { cause })`, never as an empty result.
 * Namespaces never mix: every read and search is scoped to the namespace it is given.
 *
 * Every backend runs the shared contract suite (`tooling/storage-contract`) against a real instance.
 */
export interface StorageBackend
  extends EpisodeStore,
    PatternStore,
    HeuristicStore,
    SearchIndex,
    ProcedurePriorStore,
    RelationshipStore,
    RecommendationStore,
    AdminStore {
  /** A short name for logs and health reports: `memory`, `libsql-file`, `libsql-remote`, `cache(libsql-file)`. */
  readonly kind: string;
}
