import type { Episode } from '../domain/episode.js';
import { uuidv7 } from '../domain/ids.js';
import type { Pattern, PatternContribution } from '../domain/pattern.js';
import { isFailedStep } from '../domain/step.js';
import { extractHeuristics } from '../learning/heuristics.js';
import { extractPatterns, findNearDuplicate } from '../learning/patterns/index.js';
import { episodeEmbeddingText, patternEmbeddingText } from '../text/search-documents.js';
import { distinctSearchTerms } from '../text/terms.js';
import { changeEpisode } from './episodes.js';
import { MERGE_CANDIDATES_PER_GROUP } from './merge-candidates.js';
import { type MemoryScope, nowIso } from './runtime.js';

const NEAR_DUPLICATE_THRESHOLD = 0.85;

/**
 * Learns from a stored, completed episode: embeds it, merges its patterns and heuristics into what the
 * namespace already knows, updates the procedure prior and records the ids on the episode. Never throws for a
 * learning failure: the failure is logged, counted and recorded (`learning.status = failed`).
 */
export async function learnFromEpisode(
  scope: MemoryScope,
  episode: Episode,
  extracted?: PatternContribution[],
): Promise<Episode> {
  const { runtime, namespace } = scope;
  const startedMs = runtime.clock.now();
  runtime.counters.learningRuns++;
  try {
    const eligible = (episode.quality?.score ?? 0) >= runtime.config.qualityThreshold;
    let patternIds: string[] = [];
    let heuristicIds: string[] = [];
    let recurring: Promise<void> = Promise.resolve();
    if (!eligible) await embedEpisode(scope, episode);
    else {
      const options = { newId: () => uuidv7(runtime.clock.now()), at: episode.endedAt ?? nowIso(scope) };
      const contributions = await mergeNearDuplicates(scope, extracted ?? extractPatterns(episode, options));
      const heuristicContributions = extractHeuristics(episode, options);
      // Independent writes go out together, so a store with group commit makes them one transaction.
      const [patterns, heuristics] = await Promise.all([
        contributions.length > 0 ? runtime.storage.upsertPatterns(contributions) : Promise.resolve([]),
        heuristicContributions.length > 0
          ? runtime.storage.upsertHeuristics(heuristicContributions)
          : Promise.resolve([]),
        embedEpisode(scope, episode),
        observeProcedure(scope, episode),
      ]);
      runtime.mergeCandidates.remember(patterns);
      patternIds = distinct(patterns.map((pattern) => pattern.id));
      heuristicIds = distinct(heuristics.map((heuristic) => heuristic.id));
      recurring = embedNewlyRecurringPatterns(scope, patterns, contributions);
    }
    const learnedAt = nowIso(scope);
    const [learned] = await Promise.all([
      changeEpisode(
        scope,
        episode.id,
        (current) => ({
          ...current,
          patternIds,
          heuristicIds,
          learning: { status: eligible ? 'learned' : 'skipped', at: learnedAt },
        }),
        episode,
      ),
      recurring,
    ]);
    runtime.observer.patternExtraction?.(namespace, 'success', runtime.clock.now() - startedMs);
    return learned;
  } catch (error) {
    runtime.counters.learningFailures++;
    runtime.observer.patternExtraction?.(namespace, 'failure', runtime.clock.now() - startedMs);
    runtime.logger.error(
      { err: error, namespace, episodeId: episode.id },
      'learning from an episode failed; the episode is stored and can be re-learned',
    );
    return recordLearningFailure(scope, episode, error);
  }
}

async function recordLearningFailure(scope: MemoryScope, episode: Episode, error: unknown): Promise<Episode> {
  const message = error instanceof Error ? error.message : String(error);
  try {
    return await changeEpisode(scope, episode.id, (current) => ({
      ...current,
      learning: { status: 'failed', at: nowIso(scope), error: message.slice(0, 500) },
    }));
  } catch {
    return { ...episode, learning: { status: 'failed', error: message.slice(0, 500) } };
  }
}

async function embedEpisode(scope: MemoryScope, episode: Episode): Promise<void> {
  const embeddings = scope.runtime.embeddings;
  if (!embeddings) return;
  const [vector] = await embeddings.embed([episodeEmbeddingText(episode)]);
  if (vector) await scope.runtime.storage.saveEmbedding(scope.namespace, 'episode', episode.id, vector);
}

/**
 * Patterns become semantically searchable once they recur (two occurrences): a one-off is still found by text
 * and through the episode it came from, and not embedding every one-off keeps completion cheap and the vector
 * index to the patterns worth finding. This merge is the one that made each of `patterns` recur.
 */
async function embedNewlyRecurringPatterns(
  scope: MemoryScope,
  patterns: readonly Pattern[],
  contributions: readonly PatternContribution[],
): Promise<void> {
  const embeddings = scope.runtime.embeddings;
  if (!embeddings) return;
  const recurring = patterns.filter((pattern, index) => {
    const added = contributions[index]?.occurrences ?? 0;
    return isRecurring(pattern) && pattern.stats.occurrences - added < RECURRING_OCCURRENCES;
  });
  if (recurring.length === 0) return;
  const vectors = await embeddings.embed(recurring.map(patternEmbeddingText));
  // Together, so that group commit can write them (and the episode's learning record) in one transaction.
  await Promise.all(
    recurring.map(async (pattern, index) => {
      const vector = vectors[index];
      if (vector) await scope.runtime.storage.saveEmbedding(scope.namespace, 'pattern', pattern.id, vector);
    }),
  );
}

const RECURRING_OCCURRENCES = 2;

/** Whether a pattern has been seen often enough to be embedded for semantic search. */
export function isRecurring(pattern: Pattern): boolean {
  return pattern.stats.occurrences >= RECURRING_OCCURRENCES;
}

/**
 * Re-keys contributions that nearly duplicate an existing pattern (same type and domain, key similarity
 * ≥ 0.85) so that storage merges them into it instead of creating a near-copy.
 */
async function mergeNearDuplicates(
  scope: MemoryScope,
  contributions: readonly PatternContribution[],
): Promise<PatternContribution[]> {
  const { storage, mergeCandidates } = scope.runtime;
  const result: PatternContribution[] = [];
  for (const contribution of contributions) {
    const type = contribution.content.type;
    const domain = contribution.context?.domain ?? '';
    const candidates = await mergeCandidates.get({ namespace: scope.namespace, type, domain }, async () => {
      const filter = { types: [type], ...(domain ? { domains: [domain] } : {}) };
      const page = await storage.listPatterns(scope.namespace, filter, { limit: MERGE_CANDIDATES_PER_GROUP });
      return page.items;
    });
    const exact = candidates.some((pattern) => pattern.similarityKey === contribution.similarityKey);
    const near = exact ? undefined : findNearDuplicate(contribution, candidates, NEAR_DUPLICATE_THRESHOLD);
    result.push(near ? { ...contribution, similarityKey: near.similarityKey } : contribution);
  }
  return result;
}

/** Successful and partly successful episodes teach the prior which description terms go with which tools. */
async function observeProcedure(scope: MemoryScope, episode: Episode): Promise<void> {
  const outcome = episode.outcome?.type;
  if (outcome !== 'success' && outcome !== 'partial_success') return;
  const tools = distinct(episode.steps.filter((step) => !isFailedStep(step)).map((step) => step.tool));
  const terms = distinctSearchTerms(episode.taskDescription);
  if (tools.length === 0 || terms.length === 0) return;
  await scope.runtime.storage.observeProcedure(scope.namespace, { episodeId: episode.id, terms, tools });
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
