import type { Episode, ExecutionStep } from '@slm/memory-core';
import { boundedJson, truncateText } from './truncate.js';

export const DEFAULT_EPISODE_STEPS = 50;
export const MAX_EPISODE_STEPS = 200;
const STEP_TEXT_CHARS = 2_000;
const STEP_PARAMETERS_CHARS = 2_000;

export interface BoundedEpisode {
  episode: Omit<Episode, 'steps'> & { steps: ExecutionStep[] };
  /** Earlier steps left out (the latest ones are kept). */
  stepsOmitted: number;
  note: string | null;
}

/**
 * An episode cut to size for a model: the latest `maxSteps` steps, with long step texts and parameters
 * shortened. A full episode can hold 1,000 steps with 1 MB of parameters each.
 */
export function boundedEpisode(episode: Episode, maxSteps = DEFAULT_EPISODE_STEPS): BoundedEpisode {
  const kept = episode.steps.slice(Math.max(0, episode.steps.length - maxSteps));
  const stepsOmitted = episode.steps.length - kept.length;
  let shortened = 0;
  const steps = kept.map((step) => {
    const bounded = boundedStep(step);
    if (JSON.stringify(bounded) !== JSON.stringify(step)) shortened += 1;
    return bounded;
  });
  const notes: string[] = [];
  if (stepsOmitted > 0) {
    notes.push(
      `showing the last ${kept.length} of ${episode.steps.length} steps` +
        (maxSteps < MAX_EPISODE_STEPS ? ` (pass max_steps up to ${MAX_EPISODE_STEPS} to see more)` : ''),
    );
  }
  if (shortened > 0) notes.push(`${shortened} long steps were shortened`);
  return {
    episode: { ...episode, steps },
    stepsOmitted,
    note: notes.length > 0 ? `${notes.join('; ')}.` : null,
  };
}

function boundedStep(step: ExecutionStep): ExecutionStep {
  const result = step.result;
  return {
    ...step,
    action: truncateText(step.action, STEP_TEXT_CHARS),
    parameters: boundedJson(step.parameters, STEP_PARAMETERS_CHARS),
    ...(result === undefined
      ? {}
      : {
          result:
            result.type === 'success'
              ? {
                  ...result,
                  ...(result.output === undefined
                    ? {}
                    : { output: truncateText(result.output, STEP_TEXT_CHARS) }),
                }
              : result.type === 'error'
                ? { ...result, message: truncateText(result.message, STEP_TEXT_CHARS) }
                : result,
        }),
  };
}
