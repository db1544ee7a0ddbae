import type { Episode, ExportRecord, StorageBackend } from '@slm/memory-core';
import {
  at,
  axis,
  completed,
  completedEpisode,
  episode,
  FAILURE,
  feedback,
  heuristicContribution,
  NS,
  OTHER_NS,
  patternContribution,
  relationship,
  session,
  step,
} from './fixtures.js';

/** What `populate` wrote, for assertions. */
export interface Population {
  open: Episode;
  succeeded: Episode;
  failed: Episode;
  archived: Episode;
  foreign: Episode;
  patternIds: string[];
  heuristicIds: string[];
  sessionId: string;
}

/**
 * A namespace with one of everything (open, completed, failed and archived episodes with steps, labels,
 * reflection; patterns of two types with usage; heuristics; relationships; a session with feedback), plus a
 * little in a second namespace. Written through the port, as the memory would.
 */
export async function populate(storage: StorageBackend, dimensions: number): Promise<Population> {
  const open = episode({
    startedAt: at(1),
    labels: ['wip'],
    steps: [step(1), step(2)],
    metadata: { run: '1' },
  });
  const succeeded: Episode = {
    ...completed(episode({ startedAt: at(2), taskDescription: 'Ship the invoice export', steps: [step(1)] })),
    reflection: { successes: ['fast'], improvements: ['slow tests'], insights: [], generatedAt: at(3) },
    quality: { score: 0.7, complexity: 0.5, diversity: 0.5, errorRate: 1, reflectionDepth: 0.6, novelty: 1 },
    salientFeatures: {
      criticalDecisions: ['choose x'],
      toolCombinations: [['a', 'b']],
      errorRecoveries: [],
      keyInsights: [],
    },
  };
  const failed = completed(episode({ startedAt: at(3), taskType: 'testing' }), FAILURE, 0.1);
  const archived = { ...completedEpisode({ startedAt: at(4) }), archivedAt: at(9) };
  const foreign = completedEpisode({ namespace: OTHER_NS, startedAt: at(5) });
  for (const record of [open, succeeded, failed, archived, foreign]) await storage.insertEpisode(record);
  await storage.saveEmbedding(NS, 'episode', succeeded.id, axis(dimensions, 1));

  const patterns = await storage.upsertPatterns([
    patternContribution({ episodeId: succeeded.id, at: at(6) }),
    patternContribution({ episodeId: failed.id, successes: 0, at: at(7) }),
    patternContribution({
      similarityKey: 'decision|cache',
      content: { type: 'decision_point', condition: 'if the cache is cold', action: 'warm it' },
      episodeId: succeeded.id,
      latencyMs: 0,
      at: at(6),
    }),
    patternContribution({ namespace: OTHER_NS, episodeId: foreign.id }),
  ]);
  const patternIds = [patterns[0]!.id, patterns[2]!.id];
  await storage.recordPatternUsage(NS, [{ patternId: patternIds[0]!, retrieved: 3, at: at(8) }]);
  const heuristics = await storage.upsertHeuristics([
    heuristicContribution({ episodeId: succeeded.id }),
    heuristicContribution({ episodeId: failed.id, success: 0 }),
    heuristicContribution({ key: 'second', episodeId: succeeded.id }),
  ]);
  const heuristicIds = [heuristics[0]!.id, heuristics[2]!.id];

  await storage.addRelationship(relationship(succeeded.id, failed.id, 'depends_on'));
  await storage.addRelationship(relationship(open.id, succeeded.id, 'follows', { createdAt: at(21) }));
  const recommended = session({ episodeId: open.id, patternIds, episodeIds: [succeeded.id] });
  await storage.insertRecommendationSession(recommended);
  await storage.insertRecommendationSession(session({ createdAt: at(31) }));
  await storage.insertRecommendationFeedback(
    feedback(recommended.id, {
      appliedPatternIds: [patternIds[0]!],
      consultedEpisodeIds: [succeeded.id],
      rating: 1,
    }),
    [{ patternId: patternIds[0]!, applied: 1, succeeded: 1, failed: 0, rewardDelta: 0.5, at: at(40) }],
  );
  return { open, succeeded, failed, archived, foreign, patternIds, heuristicIds, sessionId: recommended.id };
}

export async function collect(records: AsyncIterable<ExportRecord>): Promise<ExportRecord[]> {
  const collected: ExportRecord[] = [];
  for await (const record of records) collected.push(record);
  return collected;
}
