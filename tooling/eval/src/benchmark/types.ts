import type { QueryContext, StartEpisodeInput, StepInput, TaskOutcomeInput } from '@slm/memory-core';

/**
 * The harness's view of a dataset: what a dataset adapter produces. The measures know nothing else about a
 * dataset — no tool names, no domain words — so the same harness runs on any dataset an adapter can map.
 *
 * Relevance is class equality: an episode is relevant to a query when both carry the same `group` (for
 * procedure retrieval the set of state-changing tools, for real runs the task id).
 */
export interface EvalEpisode {
  /** The dataset's own id of the record (for messages and tests). */
  key: string;
  group: string;
  successful: boolean;
  /** What the episode is ingested as, through the public API. */
  start: StartEpisodeInput;
  steps: StepInput[];
  outcome: TaskOutcomeInput;
}

export interface EvalQuery {
  key: string;
  group: string;
  text: string;
  context: QueryContext;
}

export interface Benchmark {
  name: string;
  episodes: EvalEpisode[];
  queries: EvalQuery[];
  /** The relevance class of a procedure given as the tools it uses (to judge a playbook's steps). */
  groupOfTools(tools: readonly string[]): string;
}
