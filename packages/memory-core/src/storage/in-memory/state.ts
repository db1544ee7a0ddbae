import type { Episode } from '../../domain/episode.js';
import type { Heuristic } from '../../domain/heuristic.js';
import type { Pattern } from '../../domain/pattern.js';
import type { RecommendationFeedback, RecommendationSession } from '../../domain/recommendation.js';
import { Bm25Index } from './bm25-index.js';
import type { EpisodeFacets } from './episode-facets.js';
import { EpisodeOrder } from './episode-order.js';
import type { EpisodePartition } from './episode-partition.js';
import type { Lifecycle } from './guard.js';
import { PartitionedBm25Index } from './partitioned-bm25-index.js';
import type { PartitionedVectorIndex } from './partitioned-vector-index.js';
import type { PatternGroup } from './pattern-group.js';
import { ProcedureCounter } from './procedure-counter.js';
import { RelationshipGraph } from './relationship-graph.js';
import type { VectorIndex } from './vector-index.js';

/** Everything one namespace holds. Records are stored as private copies; indexes are kept in step. */
export class NamespaceData {
  readonly episodes = new Map<string, Episode>();
  readonly episodeOrder = new EpisodeOrder();
  readonly episodeFacets = new Map<string, EpisodeFacets>();
  /** Full text by partition (domain, completed, archived), moved when a dirty episode is re-indexed. */
  readonly episodeText = new PartitionedBm25Index<EpisodePartition>();
  /** Episodes whose full-text document is stale; indexed by the next text query. */
  readonly dirtyEpisodeText = new Set<string>();
  /** episode id → terms of its indexed steps' tools and actions (steps never change once stored) */
  readonly episodeStepTerms = new Map<string, { stepNumbers: Set<number>; terms: string[] }>();
  /** checkpoint id → episode id */
  readonly checkpoints = new Map<string, string>();

  readonly patterns = new Map<string, Pattern>();
  /** similarity key → pattern id */
  readonly patternKeys = new Map<string, string>();
  /** `type\u0000domain` → pattern ids, so filtered listings do not scan every pattern (type and domain never change) */
  readonly patternGroups = new Map<string, PatternGroup>();
  readonly patternText = new Bm25Index();
  /** episode id → patterns that list it as a source, for the delete cascade */
  readonly patternsByEpisode = new Map<string, Set<string>>();

  readonly heuristics = new Map<string, Heuristic>();
  readonly heuristicKeys = new Map<string, string>();
  readonly heuristicsByEpisode = new Map<string, Set<string>>();

  readonly relationships = new RelationshipGraph();
  readonly sessions = new Map<string, RecommendationSession>();
  /** session id → its feedback (at most one) */
  readonly feedback = new Map<string, RecommendationFeedback>();
  /** feedback id → session id */
  readonly feedbackSessions = new Map<string, string>();
  readonly procedure = new ProcedureCounter();

  /** Episode vectors by partition (domain, completed, archived); created with the first vector. */
  episodeVectors: PartitionedVectorIndex<EpisodePartition> | undefined;
  /** Created with the first pattern vector. */
  patternVectors: VectorIndex | undefined;

  constructor(readonly name: string) {}
}

/** The whole store: namespaces plus the few things that are global (ids, metadata, vector dimension). */
export class InMemoryState implements Lifecycle {
  closed = false;
  /** Fixed by the options, or by the first vector saved. */
  dimensions: number | undefined;
  readonly meta = new Map<string, string>();
  /** Episode ids are unique across namespaces: id → namespace. */
  readonly episodeNamespaces = new Map<string, string>();
  /** Session ids likewise. */
  readonly sessionNamespaces = new Map<string, string>();
  private readonly namespaces = new Map<string, NamespaceData>();

  constructor(dimensions?: number) {
    this.dimensions = dimensions;
  }

  /** A namespace's data for reading; undefined when nothing was ever written there (reads never create). */
  peek(namespace: string): NamespaceData | undefined {
    return this.namespaces.get(namespace);
  }

  /** A namespace's data for writing, created on first use. */
  namespace(namespace: string): NamespaceData {
    let data = this.namespaces.get(namespace);
    if (!data) {
      data = new NamespaceData(namespace);
      this.namespaces.set(namespace, data);
    }
    return data;
  }

  /** Refuses every later call and releases the data. */
  close(): void {
    this.closed = true;
    this.namespaces.clear();
    this.meta.clear();
    this.episodeNamespaces.clear();
    this.sessionNamespaces.clear();
  }

  /** Namespaces in name order (export walks them deterministically). */
  namespaceNames(): string[] {
    return [...this.namespaces.keys()].sort();
  }
}
