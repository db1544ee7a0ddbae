import type { SalientFeatures } from '../domain/learning-records.js';
import { type ExecutionStep, isFailedStep, isSuccessfulStep } from '../domain/step.js';
import { displayText } from './display-text.js';

type ErrorRecoveryFeature = SalientFeatures['errorRecoveries'][number];

const MAX_COMBINATIONS = 10;
const MAX_COMBINATION_TOOLS = 10;
const MAX_RECOVERIES = 10;

/** Runs of two or more consecutive successful steps, as tool lists (distinct runs, at most 10 of 10 tools). */
export function toolCombinations(steps: readonly ExecutionStep[]): string[][] {
  const combinations = new Map<string, string[]>();
  let run: string[] = [];
  const close = () => {
    if (run.length >= 2 && combinations.size < MAX_COMBINATIONS) {
      const tools = run.slice(0, MAX_COMBINATION_TOOLS);
      combinations.set(tools.join('\u0000'), tools);
    }
    run = [];
  };
  for (const step of steps) {
    if (isSuccessfulStep(step)) run.push(step.tool);
    else close();
  }
  close();
  return [...combinations.values()];
}

/** Each failed step immediately followed by a successful one: what failed and what fixed it (at most 10). */
export function errorRecoveries(steps: readonly ExecutionStep[]): ErrorRecoveryFeature[] {
  const recoveries: ErrorRecoveryFeature[] = [];
  for (let index = 1; index < steps.length && recoveries.length < MAX_RECOVERIES; index++) {
    const failed = steps[index - 1]!;
    const recovery = steps[index]!;
    if (!isFailedStep(failed) || !isSuccessfulStep(recovery)) continue;
    recoveries.push({
      errorTool: failed.tool,
      error: failed.result?.type === 'error' ? displayText(failed.result.message, 300) : 'timeout',
      recoveryTool: recovery.tool,
      recoveryAction: displayText(recovery.action, 300),
    });
  }
  return recoveries;
}
