import type { ExecutionStep } from '../domain/step.js';
import { displayText } from './display-text.js';

const MAX_DECISIONS = 10;
const DECISION_VERB = /\b(?:choos\w*|chose\w*|decid\w*|decision\w*|select\w*|opt(?:s|ed)? for)\b/i;
const STRATEGY_PARAMETER = /strategy|approach|method|algorithm/i;

/**
 * Choices the agent made: steps whose action chooses, decides or selects, and parameters named like a strategy,
 * approach, method or algorithm. At most 10, in step order.
 */
export function criticalDecisions(steps: readonly ExecutionStep[]): string[] {
  const decisions: string[] = [];
  for (const step of steps) {
    if (decisions.length >= MAX_DECISIONS) break;
    if (DECISION_VERB.test(step.action)) {
      decisions.push(`Step ${step.stepNumber}: ${displayText(step.action, 200)} (${step.tool})`);
    }
    for (const [name, value] of Object.entries(step.parameters)) {
      if (decisions.length >= MAX_DECISIONS) break;
      if (STRATEGY_PARAMETER.test(name)) {
        decisions.push(`Step ${step.stepNumber}: chose ${displayText(name, 60)} = ${parameterText(value)}`);
      }
    }
  }
  return decisions;
}

function parameterText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return displayText(text, 100);
}
