import type { Checkpoint } from '../domain/checkpoint.js';
import type { Episode } from '../domain/episode.js';
import type { ExportRecord } from '../domain/export-record.js';
import type { HandoffPack } from '../domain/handoff.js';
import type { Heuristic } from '../domain/heuristic.js';
import type { TaskOutcomeInput } from '../domain/outcome.js';
import type { Pattern } from '../domain/pattern.js';
import { NamespaceSchema } from '../domain/primitives.js';
import type { RecommendationFeedback, RecommendationStats } from '../domain/recommendation.js';
import type { Relationship } from '../domain/relationship.js';
import type { StepInput } from '../domain/step.js';
import { MemoryError } from '../errors.js';
import type { ExportOptions, ImportSummary } from '../storage/admin-store.js';
import type { CacheRegenerateReport, CacheStatistics, CacheSyncReport } from '../storage/capabilities.js';
import type { HeuristicFilter, PatternFilter, RelationshipQuery } from '../storage/filters.js';
import type { Page, PageRequest } from '../storage/page.js';
import { checkpointEpisode, getHandoffPack, resumeFromHandoff } from './checkpoints.js';
import { completeEpisode, relearn } from './completion.js';
import * as episodes from './episodes.js';
import { recordFeedback } from './feedback.js';
import type {
  AnalogousPatternsInput,
  CheckpointInput,
  EpisodeListFilter,
  FeedbackInput,
  PatternQueryInput,
  RecommendPatternsInput,
  RecommendPlaybookInput,
  RelationshipInput,
  ResumeFromHandoffInput,
  RetrieveContextInput,
  StartEpisodeInput,
  UpdateEpisodeInput,
} from './inputs.js';
import type { MemoryHealth, ReindexReport, SelfLearningMemory } from './memory.js';
import * as operations from './operations.js';
import * as patterns from './patterns.js';
import { addRelationship, getRelationships, removeRelationship } from './relationships.js';
import type {
  LogStepsResult,
  MemoryStats,
  PatternExplanation,
  PatternRecommendations,
  PlaybookRecommendations,
  RankedPattern,
  RetrievedContext,
} from './results.js';
import { retrieveContext } from './retrieve-context.js';
import { type MemoryRuntime, type MemoryScope, settleBackground } from './runtime.js';
import { logStep, logSteps } from './steps.js';
import { parseInput } from './validation.js';

/** `SelfLearningMemory` for one namespace over a shared runtime. */
export class NamespacedMemory implements SelfLearningMemory {
  private readonly scope: MemoryScope;

  constructor(
    private readonly runtime: MemoryRuntime,
    readonly namespace: string,
  ) {
    this.scope = { runtime, namespace };
  }

  withNamespace(namespace: string): SelfLearningMemory {
    return new NamespacedMemory(this.runtime, parseInput(NamespaceSchema, namespace, 'namespace'));
  }

  startEpisode(input: StartEpisodeInput): Promise<Episode> {
    return this.run(() => episodes.startEpisode(this.scope, input));
  }
  logStep(episodeId: string, step: StepInput): Promise<LogStepsResult> {
    return this.run(() => logStep(this.scope, episodeId, step));
  }
  logSteps(episodeId: string, steps: readonly StepInput[]): Promise<LogStepsResult> {
    return this.run(() => logSteps(this.scope, episodeId, steps));
  }
  completeEpisode(episodeId: string, outcome: TaskOutcomeInput): Promise<Episode> {
    return this.run(() => completeEpisode(this.scope, episodeId, outcome));
  }
  relearn(episodeId: string): Promise<Episode> {
    return this.run(() => relearn(this.scope, episodeId));
  }
  getEpisode(episodeId: string): Promise<Episode> {
    return this.run(() => episodes.loadEpisode(this.scope, episodeId));
  }
  listEpisodes(filter?: EpisodeListFilter, page?: PageRequest): Promise<Page<Episode>> {
    return this.run(() => episodes.listEpisodes(this.scope, filter, page));
  }
  updateEpisode(episodeId: string, patch: UpdateEpisodeInput): Promise<Episode> {
    return this.run(() => episodes.updateEpisode(this.scope, episodeId, patch));
  }
  archiveEpisode(episodeId: string): Promise<Episode> {
    return this.run(() => episodes.archiveEpisode(this.scope, episodeId));
  }
  restoreEpisode(episodeId: string): Promise<Episode> {
    return this.run(() => episodes.restoreEpisode(this.scope, episodeId));
  }
  deleteEpisode(episodeId: string): Promise<void> {
    return this.run(() => episodes.deleteEpisode(this.scope, episodeId));
  }
  addLabels(episodeId: string, labels: readonly string[]): Promise<Episode> {
    return this.run(() => episodes.addLabels(this.scope, episodeId, labels));
  }
  removeLabels(episodeId: string, labels: readonly string[]): Promise<Episode> {
    return this.run(() => episodes.removeLabels(this.scope, episodeId, labels));
  }

  checkpointEpisode(episodeId: string, input: CheckpointInput): Promise<Checkpoint> {
    return this.run(() => checkpointEpisode(this.scope, episodeId, input));
  }
  getHandoffPack(checkpointId: string): Promise<HandoffPack> {
    return this.run(() => getHandoffPack(this.scope, checkpointId));
  }
  resumeFromHandoff(input: ResumeFromHandoffInput): Promise<Episode> {
    return this.run(() => resumeFromHandoff(this.scope, input));
  }

  addRelationship(input: RelationshipInput): Promise<Relationship> {
    return this.run(() => addRelationship(this.scope, input));
  }
  removeRelationship(relationshipId: string): Promise<void> {
    return this.run(() => removeRelationship(this.scope, relationshipId));
  }
  getRelationships(episodeId: string, query?: RelationshipQuery): Promise<Relationship[]> {
    return this.run(() => getRelationships(this.scope, episodeId, query));
  }

  retrieveContext(input: RetrieveContextInput): Promise<RetrievedContext> {
    return this.run(() => retrieveContext(this.scope, input));
  }
  searchPatterns(input: PatternQueryInput): Promise<RankedPattern[]> {
    return this.run(() => patterns.searchPatterns(this.scope, input));
  }
  recommendPatterns(input: RecommendPatternsInput): Promise<PatternRecommendations> {
    return this.run(() => patterns.recommendPatterns(this.scope, input));
  }
  recommendPlaybook(input: RecommendPlaybookInput): Promise<PlaybookRecommendations> {
    return this.run(() => patterns.recommendPlaybook(this.scope, input));
  }
  discoverAnalogousPatterns(input: AnalogousPatternsInput): Promise<RankedPattern[]> {
    return this.run(() => patterns.discoverAnalogousPatterns(this.scope, input));
  }
  explainPattern(patternId: string): Promise<PatternExplanation> {
    return this.run(() => patterns.explainPattern(this.scope, patternId));
  }
  getPattern(patternId: string): Promise<Pattern> {
    return this.run(() => patterns.getPattern(this.scope, patternId));
  }
  listPatterns(filter?: PatternFilter, page?: PageRequest): Promise<Page<Pattern>> {
    return this.run(() => patterns.listPatterns(this.scope, filter, page));
  }
  listHeuristics(filter?: HeuristicFilter, page?: PageRequest): Promise<Page<Heuristic>> {
    return this.run(() => patterns.listHeuristics(this.scope, filter, page));
  }

  recordFeedback(sessionId: string, feedback: FeedbackInput): Promise<RecommendationFeedback> {
    return this.run(() => recordFeedback(this.scope, sessionId, feedback));
  }
  recommendationStats(): Promise<RecommendationStats> {
    return this.run(() => this.runtime.storage.recommendationStats(this.namespace));
  }

  stats(): Promise<MemoryStats> {
    return this.run(() => operations.stats(this.scope));
  }
  health(): Promise<MemoryHealth> {
    return this.run(() => operations.health(this.runtime));
  }
  syncMemories(): Promise<CacheSyncReport> {
    return this.run(() => operations.syncMemories(this.scope));
  }
  regenerateCache(warm?: number): Promise<CacheRegenerateReport> {
    return this.run(() => operations.regenerateCache(this.scope, warm));
  }
  cacheStatistics(): Promise<CacheStatistics | null> {
    return this.run(() => operations.cacheStatistics(this.runtime));
  }
  exportRecords(
    options: Omit<ExportOptions, 'namespace'> & { allNamespaces?: boolean } = {},
  ): AsyncIterable<ExportRecord> {
    this.ensureOpen();
    const { allNamespaces, ...rest } = options;
    return this.runtime.storage.exportRecords({ ...rest, namespace: allNamespaces ? null : this.namespace });
  }
  countRecords(
    options: Omit<ExportOptions, 'namespace'> & { allNamespaces?: boolean } = {},
  ): Promise<Record<string, number>> {
    const { allNamespaces, ...rest } = options;
    return this.run(() =>
      this.runtime.storage.countRecords({ ...rest, namespace: allNamespaces ? null : this.namespace }),
    );
  }
  importRecords(records: readonly ExportRecord[]): Promise<ImportSummary> {
    return this.run(() => operations.importRecords(this.scope, records));
  }
  reindex(onProgress?: (done: number) => void): Promise<ReindexReport> {
    return this.run(() => operations.reindex(this.runtime, onProgress));
  }
  flush(): Promise<void> {
    return this.run(async () => {
      await this.runtime.stepBuffer.flushAll();
      await settleBackground(this.runtime);
    });
  }

  async close(): Promise<void> {
    if (this.runtime.state.closed) return;
    this.runtime.state.closed = true;
    this.runtime.stepBuffer.stopTimer();
    try {
      await settleBackground(this.runtime);
      await this.runtime.stepBuffer.flushAll();
    } finally {
      await this.runtime.storage.close();
    }
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      this.ensureOpen();
      return operation();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private ensureOpen(): void {
    if (this.runtime.state.closed) throw new MemoryError('UNAVAILABLE', 'the memory is closed');
  }
}
