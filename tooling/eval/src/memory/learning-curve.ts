import type { SelfLearningMemory, TaskOutcomeInput } from '@slm/memory-core';
import { answerableQueries } from '../benchmark/relevance.js';
import type { Benchmark } from '../benchmark/types.js';
import { fraction } from '../metrics/summary.js';
import { playbookGroup } from './playbook-group.js';

const MATCHED: TaskOutcomeInput = {
  type: 'success',
  verdict: 'the recommended procedure was the one the task needed',
};
const MISSED: TaskOutcomeInput = {
  type: 'failure',
  reason: 'the recommended procedure was not the one the task needed',
};

/**
 * Replays every query for `rounds` rounds. Each query opens an episode (so the recommendation is recorded as
 * a session), asks for one playbook, and feeds back: its supporting patterns were applied, and the outcome is
 * whether the playbook named the query's procedure. The gold steps are never logged — only the verdict — so
 * the memory can learn which recommendations work, not copy the answers. Accuracy per round over the
 * answerable queries (the same denominator as playbook accuracy).
 */
export async function measureLearningCurve(
  memory: SelfLearningMemory,
  benchmark: Benchmark,
  rounds: number,
  onRound: (round: number, accuracy: number) => void = () => {},
): Promise<number[]> {
  const answerable = new Set(answerableQueries(benchmark.queries, benchmark.episodes));
  const curve: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const correct: boolean[] = [];
    for (const query of benchmark.queries) {
      const episode = await memory.startEpisode({
        taskDescription: query.text,
        taskType: 'other',
        context: query.context,
      });
      const { sessionId, playbooks } = await memory.recommendPlaybook({
        taskDescription: query.text,
        context: query.context,
        maxPlaybooks: 1,
        episodeId: episode.id,
      });
      const playbook = playbooks[0];
      const matched = playbookGroup(playbook, benchmark) === query.group;
      if (answerable.has(query)) correct.push(matched);
      if (sessionId) {
        await memory.recordFeedback(sessionId, {
          appliedPatternIds: playbook?.supportingPatternIds ?? [],
          appliedPlaybookIds: playbook ? [playbook.id] : [],
          consultedEpisodeIds: playbook?.supportingEpisodeIds ?? [],
          outcome: matched ? MATCHED : MISSED,
        });
      }
    }
    curve.push(fraction(correct));
    onRound(round, curve.at(-1)!);
  }
  return curve;
}
