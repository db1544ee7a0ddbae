import type { Playbook } from '@slm/memory-core';
import type { Benchmark } from '../benchmark/types.js';

/** The procedure class a playbook recommends: the class of the tools its steps hint at. */
export function playbookGroup(playbook: Playbook | undefined, benchmark: Benchmark): string | undefined {
  if (!playbook) return undefined;
  const tools = playbook.steps.flatMap((step) => (step.toolHint ? [step.toolHint] : []));
  return benchmark.groupOfTools(tools);
}
