import type { SelfLearningMemory } from '@slm/memory-core';
import { answerableQueries } from '../benchmark/relevance.js';
import type { Benchmark } from '../benchmark/types.js';
import { fraction } from '../metrics/summary.js';
import { playbookGroup } from './playbook-group.js';

export interface PlaybookScores {
  /** Over the answerable queries (the procedure exists in memory): the reported measure. */
  accuracy: number;
  /** Over every query, unanswerable ones counting as misses: for reference. */
  accuracyAllQueries: number;
}

/**
 * Whether each query's single recommended playbook names exactly the query's procedure (for τ-bench: the
 * same set of state-changing tools among the steps' tool hints).
 */
export async function measurePlaybookAccuracy(
  memory: SelfLearningMemory,
  benchmark: Benchmark,
): Promise<PlaybookScores> {
  const answerable = new Set(answerableQueries(benchmark.queries, benchmark.episodes));
  const correct: boolean[] = [];
  const correctAnswerable: boolean[] = [];
  for (const query of benchmark.queries) {
    const { playbooks } = await memory.recommendPlaybook({
      taskDescription: query.text,
      context: query.context,
      maxPlaybooks: 1,
    });
    const matched = playbookGroup(playbooks[0], benchmark) === query.group;
    correct.push(matched);
    if (answerable.has(query)) correctAnswerable.push(matched);
  }
  return { accuracy: fraction(correctAnswerable), accuracyAllQueries: fraction(correct) };
}
