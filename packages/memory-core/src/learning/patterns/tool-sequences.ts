import { type ExecutionStep, isSuccessfulStep } from '../../domain/step.js';
import type { PatternObservation } from './observation.js';

const MIN_TOOLS = 2;
const MAX_TOOLS = 5;

/**
 * Tool sequences: runs of consecutive successful steps, with immediate repeats of a tool collapsed
 * (read, read, edit → read, edit) so that the same procedure matches across episodes. A run of 2–5 tools is one
 * sequence; a longer run yields each window of 5. `success` is the episode's outcome value — a sequence that
 * ran cleanly inside a failed task is evidence against it — and the latency is the sum of the run's steps.
 */
export function toolSequenceObservations(
  steps: readonly ExecutionStep[],
  outcomeSuccess: number,
): PatternObservation[] {
  const observations: PatternObservation[] = [];
  let tools: string[] = [];
  let latencies: number[] = [];
  const flush = () => {
    observations.push(...windows(tools, latencies, outcomeSuccess));
    tools = [];
    latencies = [];
  };
  for (const step of steps) {
    if (!isSuccessfulStep(step)) {
      flush();
      continue;
    }
    if (tools.at(-1) === step.tool) {
      latencies[latencies.length - 1]! += step.latencyMs;
    } else {
      tools.push(step.tool);
      latencies.push(step.latencyMs);
    }
  }
  flush();
  return observations;
}

function windows(
  tools: readonly string[],
  latencies: readonly number[],
  success: number,
): PatternObservation[] {
  if (tools.length < MIN_TOOLS) return [];
  const size = Math.min(MAX_TOOLS, tools.length);
  const result: PatternObservation[] = [];
  for (let start = 0; start + size <= tools.length; start++) {
    let latencyMs = 0;
    for (let index = start; index < start + size; index++) latencyMs += latencies[index]!;
    result.push({
      content: { type: 'tool_sequence', tools: tools.slice(start, start + size) },
      success,
      latencyMs,
    });
  }
  return result;
}
