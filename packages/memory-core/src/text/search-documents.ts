import type { Episode } from '../domain/episode.js';
import { describePattern, type Pattern } from '../domain/pattern.js';
import { searchTerms } from './terms.js';

/**
 * The text of an episode that lexical search indexes: description, context, labels, step tools and actions,
 * outcome and reflection. Returned as space-separated search terms.
 */
export function episodeSearchText(episode: Episode): string {
  const parts: string[] = [episode.taskDescription, episode.taskType, episode.context.domain];
  if (episode.context.language) parts.push(episode.context.language);
  if (episode.context.framework) parts.push(episode.context.framework);
  parts.push(...episode.context.tags, ...episode.labels);
  for (const step of episode.steps) parts.push(step.tool, step.action);
  const outcome = episode.outcome;
  if (outcome) {
    if (outcome.type === 'success' || outcome.type === 'partial_success') parts.push(outcome.verdict);
    else parts.push(outcome.reason);
  }
  const reflection = episode.reflection;
  if (reflection) parts.push(...reflection.successes, ...reflection.improvements, ...reflection.insights);
  return searchTerms(parts.join(' ')).join(' ');
}

/** The text of a pattern that lexical search indexes, as space-separated search terms. */
export function patternSearchText(pattern: Pattern): string {
  const parts = [describePattern(pattern), pattern.type];
  if (pattern.context) parts.push(pattern.context.domain, ...pattern.context.tags);
  if (pattern.context?.language) parts.push(pattern.context.language);
  return searchTerms(parts.join(' ')).join(' ');
}

/** The text of an episode that its embedding represents: the task, as a future query would describe it. */
export function episodeEmbeddingText(episode: Episode): string {
  const context = episode.context;
  return [episode.taskDescription, context.domain, context.language, context.framework, ...context.tags]
    .filter((part): part is string => Boolean(part))
    .join(' ');
}

/** The text of a pattern that its embedding represents. */
export function patternEmbeddingText(pattern: Pattern): string {
  return [describePattern(pattern), pattern.context?.domain].filter(Boolean).join(' ');
}
