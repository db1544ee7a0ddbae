import type { ExportRecord, Pattern } from '@slm/memory-core';
import {
  at,
  completedEpisode,
  episode,
  FAILURE,
  feedback,
  newId,
  relationship,
  session,
  step,
} from '@slm/storage-contract/fixtures';
import { createTursoStorage } from '@slm/storage-turso';

export const NAMESPACE = 'team-a';
export const OTHER_NAMESPACE = 'team-b';

export interface BackupShape {
  episodes: number;
  patterns: number;
  heuristics: number;
  relationships: number;
  sessions: number;
  feedback: number;
}

/**
 * Records of every type in two namespaces, as an export would hold them: completed and open episodes with
 * steps, patterns with counts and effectiveness, heuristics, relationships, sessions and their feedback.
 */
export function backupRecords(shape: BackupShape): ExportRecord[] {
  const episodes = Array.from({ length: shape.episodes }, (_, index) => {
    const overrides = {
      namespace: index % 10 === 0 ? OTHER_NAMESPACE : NAMESPACE,
      startedAt: at(index),
      taskDescription: `Task ${index}: reconcile invoices for account ${index % 97}`,
      steps: [step(1), step(2, { result: { type: 'error' as const, message: `boom ${index}` } }), step(3)],
      labels: index % 3 === 0 ? ['billing'] : [],
    };
    if (index % 4 === 3) return episode(overrides);
    return completedEpisode(overrides, index % 5 === 0 ? FAILURE : undefined);
  });
  const mine = episodes.filter((record) => record.namespace === NAMESPACE);
  const patterns = Array.from({ length: shape.patterns }, (_, index) => pattern(index));
  const heuristics = Array.from({ length: shape.heuristics }, (_, index) => ({
    schemaVersion: 1,
    id: newId(),
    namespace: NAMESPACE,
    key: `rule-${index}`,
    condition: `When account ${index} is overdue`,
    action: 'send a reminder first',
    domain: 'billing',
    evidence: { successes: 3, total: 4, episodeIds: [mine[index % mine.length]!.id] },
    confidence: 0.6,
    createdAt: at(index),
    updatedAt: at(index + 1),
  }));
  const relationships = Array.from({ length: shape.relationships }, (_, index) =>
    relationship(mine[index]!.id, mine[index + 1]!.id, index % 2 === 0 ? 'depends_on' : 'related_to', {
      namespace: NAMESPACE,
    }),
  );
  const sessions = Array.from({ length: shape.sessions }, (_, index) =>
    session({
      namespace: NAMESPACE,
      episodeId: mine[index]!.id,
      query: `query ${index}`,
      createdAt: at(index),
    }),
  );
  const feedbacks = sessions
    .slice(0, shape.feedback)
    .map((each, index) =>
      feedback(each.id, { namespace: NAMESPACE, rating: (index % 5) / 4, createdAt: at(index + 1) }),
    );
  return [
    ...episodes.map((record) => ({ type: 'episode' as const, record })),
    ...patterns.map((record) => ({ type: 'pattern' as const, record })),
    ...heuristics.map((record) => ({ type: 'heuristic' as const, record })),
    ...relationships.map((record) => ({ type: 'relationship' as const, record })),
    ...sessions.map((record) => ({ type: 'recommendation_session' as const, record })),
    ...feedbacks.map((record) => ({ type: 'recommendation_feedback' as const, record })),
  ];
}

function pattern(index: number): Pattern {
  return {
    type: 'tool_sequence',
    schemaVersion: 1,
    id: newId(),
    namespace: NAMESPACE,
    similarityKey: `tool_sequence|read_file>edit_file>run_tests_${index}|billing`,
    context: { domain: 'billing', tags: [] },
    stats: { occurrences: 4 + (index % 7), successes: 3, failures: 1 + (index % 7) },
    effectiveness: {
      timesRetrieved: index % 11,
      timesApplied: index % 5,
      successWhenApplied: index % 3,
      failureWhenApplied: 0,
      avgRewardDelta: 0.1,
    },
    sourceEpisodeIds: [newId()],
    createdAt: at(index),
    updatedAt: at(index + 2),
    tools: ['read_file', 'edit_file', `run_tests_${index}`],
    avgLatencyMs: 120,
  };
}

/** Writes records straight into a database file (fast setup: no learning, no embeddings). */
export async function writeRecords(url: string, records: readonly ExportRecord[]): Promise<void> {
  const storage = await createTursoStorage({ url, embeddingDimensions: 384 });
  try {
    for (let start = 0; start < records.length; start += 500) {
      await storage.importRecords(records.slice(start, start + 500));
    }
  } finally {
    await storage.close();
  }
}

/** Record counts by type over every namespace, read in-process (cheaper than a `status` run per check). */
export async function recordCounts(url: string): Promise<Record<string, number>> {
  const storage = await createTursoStorage({ url, embeddingDimensions: 384 });
  try {
    return await storage.countRecords({ namespace: null });
  } finally {
    await storage.close();
  }
}
