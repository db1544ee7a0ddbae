import type { Episode } from '../../domain/episode.js';
import { type ExecutionStep, isSuccessfulStep } from '../../domain/step.js';
import type { PatternObservation } from './observation.js';

const MAX_TAGS = 10;
const MAX_APPROACH_TOOLS = 8;

/**
 * The context pattern of an episode: its context features (`domain:`, `language:`, `framework:`,
 * `complexity:`, then sorted `tag:`s, lower-cased) → "use tools: a, b" (the distinct tools of its successful
 * steps in first-use order), with the episode's outcome as evidence. None when no step succeeded.
 */
export function contextPatternObservations(
  episode: Episode,
  steps: readonly ExecutionStep[],
  outcomeSuccess: number,
): PatternObservation[] {
  const tools = successfulTools(steps);
  if (tools.length === 0) return [];
  return [
    {
      content: {
        type: 'context_pattern',
        contextFeatures: contextFeatures(episode),
        recommendedApproach: `use tools: ${tools.join(', ')}`,
      },
      success: outcomeSuccess,
      latencyMs: 0,
    },
  ];
}

export function contextFeatures(episode: Episode): string[] {
  const { domain, language, framework, complexity, tags } = episode.context;
  const features = [`domain:${domain.toLowerCase()}`];
  if (language) features.push(`language:${language.toLowerCase()}`);
  if (framework) features.push(`framework:${framework.toLowerCase()}`);
  features.push(`complexity:${complexity}`);
  const distinctTags = [...new Set(tags.map((tag) => tag.toLowerCase()))].sort().slice(0, MAX_TAGS);
  for (const tag of distinctTags) features.push(`tag:${tag}`);
  return features;
}

function successfulTools(steps: readonly ExecutionStep[]): string[] {
  const tools = new Set<string>();
  for (const step of steps) {
    if (isSuccessfulStep(step)) tools.add(step.tool);
    if (tools.size >= MAX_APPROACH_TOOLS) break;
  }
  return [...tools];
}
