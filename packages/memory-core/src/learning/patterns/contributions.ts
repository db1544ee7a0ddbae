import type { Episode } from '../../domain/episode.js';
import type { PatternContext, PatternContribution, PatternType } from '../../domain/pattern.js';
import type { PatternObservation } from './observation.js';
import { similarityKeysIn } from './similarity-key.js';

/** At most this many distinct patterns of each type from one episode, so a 1,000-step run stays bounded. */
export const MAX_CONTRIBUTIONS_PER_TYPE = 50;

export interface ExtractionOptions {
  newId: () => string;
  at: string;
}

interface Combined {
  observation: PatternObservation;
  similarityKey: string;
  sightings: number;
  successSum: number;
  latencySum: number;
}

/**
 * Turns an episode's observations into contributions, one per similarity key: an episode is one piece of
 * evidence, so a sequence seen three times in it counts one occurrence, with the mean success and latency of
 * its sightings. First-seen order is kept.
 */
export function toContributions(
  episode: Episode,
  observations: readonly PatternObservation[],
  options: ExtractionOptions,
): PatternContribution[] {
  const byKey = new Map<string, Combined>();
  const perType = new Map<PatternType, number>();
  const keyOf = similarityKeysIn(episode.context.domain);
  for (const observation of observations) {
    const similarityKey = keyOf(observation.content);
    const seen = byKey.get(similarityKey);
    if (seen) {
      seen.sightings++;
      seen.successSum += observation.success;
      seen.latencySum += observation.latencyMs;
      continue;
    }
    const count = perType.get(observation.content.type) ?? 0;
    if (count >= MAX_CONTRIBUTIONS_PER_TYPE) continue;
    perType.set(observation.content.type, count + 1);
    byKey.set(similarityKey, {
      observation,
      similarityKey,
      sightings: 1,
      successSum: observation.success,
      latencySum: observation.latencyMs,
    });
  }
  const context = patternContext(episode);
  return [...byKey.values()].map((combined) => ({
    newId: options.newId(),
    namespace: episode.namespace,
    similarityKey: combined.similarityKey,
    content: combined.observation.content,
    context: { ...context, tags: [...context.tags] },
    occurrences: 1,
    successes: combined.successSum / combined.sightings,
    latencyMs: combined.latencySum / combined.sightings,
    episodeId: episode.id,
    at: options.at,
  }));
}

function patternContext(episode: Episode): PatternContext {
  const { domain, language, framework, tags } = episode.context;
  return {
    domain,
    ...(language === undefined ? {} : { language }),
    ...(framework === undefined ? {} : { framework }),
    tags: [...tags],
  };
}
