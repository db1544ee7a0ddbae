import type { TaskType } from '../../domain/context.js';
import type { Episode } from '../../domain/episode.js';
import type { OutcomeType } from '../../domain/outcome.js';

/**
 * The fields candidate search filters on, in one fixed-shape object per episode. Episodes themselves come in
 * many shapes (optional outcome, reward, archivedAt…), which would make a filter run over thousands of them
 * slow; this keeps the hot loop monomorphic.
 */
export class EpisodeFacets {
  constructor(
    readonly domain: string,
    readonly taskType: TaskType,
    readonly outcome: OutcomeType | null,
    readonly completed: boolean,
    readonly archived: boolean,
  ) {}

  static of(episode: Episode): EpisodeFacets {
    return new EpisodeFacets(
      episode.context.domain,
      episode.taskType,
      episode.outcome?.type ?? null,
      episode.endedAt !== undefined,
      episode.archivedAt !== undefined,
    );
  }
}
