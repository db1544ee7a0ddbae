import type { Episode, TaskOutcome } from '@slm/memory-core';
import { truncateText } from './truncate.js';

const DESCRIPTION_CHARS = 500;
const OUTCOME_TEXT_CHARS = 300;

/** An episode without its steps: what list and search tools return. */
export function episodeSummary(episode: Episode) {
  return {
    id: episode.id,
    taskDescription: truncateText(episode.taskDescription, DESCRIPTION_CHARS),
    taskType: episode.taskType,
    context: episode.context,
    startedAt: episode.startedAt,
    endedAt: episode.endedAt ?? null,
    outcome: episode.outcome ? outcomeSummary(episode.outcome) : null,
    reward: episode.reward?.total ?? null,
    stepCount: episode.steps.length,
    labels: episode.labels,
    archived: episode.archivedAt !== undefined,
  };
}

export type EpisodeSummary = ReturnType<typeof episodeSummary>;

function outcomeSummary(outcome: TaskOutcome): { type: TaskOutcome['type']; text: string } {
  const text =
    outcome.type === 'success' || outcome.type === 'partial_success' ? outcome.verdict : outcome.reason;
  return { type: outcome.type, text: truncateText(text, OUTCOME_TEXT_CHARS) };
}
