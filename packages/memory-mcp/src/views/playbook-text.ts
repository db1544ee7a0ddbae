import type { Playbook } from '@slm/memory-core';

/** A playbook as numbered lines, for the readable part of a result. */
export function playbookText(playbook: Playbook): string {
  const steps = playbook.steps.map((step) => `${step.order}. ${step.action}`);
  const pitfalls = playbook.pitfalls.map((pitfall) => `Avoid: ${pitfall.warning}`);
  return [`Playbook (confidence ${playbook.confidence.toFixed(2)}):`, ...steps, ...pitfalls].join('\n');
}
