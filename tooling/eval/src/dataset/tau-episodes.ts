import type { StepInput, TaskOutcomeInput } from '@slm/memory-core';
import type { EvalEpisode, EvalQuery } from '../benchmark/types.js';
import { renderAction, truncate } from './render-action.js';
import { procedureSignature } from './tau-procedure.js';
import type { TauRun } from './tau-runs.js';
import type { TauTask } from './tau-tasks.js';

/** Tool output kept per step: enough to learn from, far below the step text limit. */
const MAX_OUTPUT_CHARS = 2_000;

/** A task solved by its gold actions, in order: a successful episode. */
export function taskEpisode(task: TauTask, key: string, domain: string): EvalEpisode {
  const steps: StepInput[] = task.actions.map((action, index) => ({
    stepNumber: index + 1,
    tool: action.name,
    action: renderAction(action.name, action.kwargs),
    parameters: action.kwargs,
    result: { type: 'success' },
  }));
  return {
    key,
    group: procedureSignature(task.actions.map((action) => action.name)),
    successful: true,
    start: { taskDescription: task.instruction, taskType: 'other', context: { domain } },
    steps,
    outcome: { type: 'success' },
  };
}

export function taskQuery(task: TauTask, key: string, domain: string): EvalQuery {
  return {
    key,
    group: procedureSignature(task.actions.map((action) => action.name)),
    text: task.instruction,
    context: { domain },
  };
}

/** A recorded run as the agent would have logged it: its calls and their answers, its reward as the outcome. */
export function runEpisode(run: TauRun, domain: string): EvalEpisode {
  const successful = run.reward >= 1;
  const steps: StepInput[] = run.toolCalls.map((call, index) => {
    const step: StepInput = {
      stepNumber: index + 1,
      tool: call.name,
      action: renderAction(call.name, call.arguments),
      parameters: call.arguments,
    };
    if (call.result !== undefined) step.result = stepResult(call.result);
    return step;
  });
  const outcome: TaskOutcomeInput = successful
    ? { type: 'success', verdict: `reward ${run.reward}` }
    : { type: 'failure', reason: `reward ${run.reward}: the final state did not match the user's goal` };
  return {
    key: runKey(run),
    group: String(run.taskId),
    successful,
    start: { taskDescription: run.firstUserMessage, taskType: 'other', context: { domain } },
    steps,
    outcome,
  };
}

export function runQuery(run: TauRun, domain: string): EvalQuery {
  return { key: runKey(run), group: String(run.taskId), text: run.firstUserMessage, context: { domain } };
}

/** Tools report failures in their answer text; an answer opening with "Error" is a failed call. */
export function stepResult(content: string): NonNullable<StepInput['result']> {
  const text = truncate(content, MAX_OUTPUT_CHARS);
  return /^error\b/i.test(content.trimStart())
    ? { type: 'error', message: text.trim() === '' ? 'error' : text }
    : { type: 'success', output: text };
}

function runKey(run: TauRun): string {
  return `task${run.taskId}-trial${run.trial}`;
}
