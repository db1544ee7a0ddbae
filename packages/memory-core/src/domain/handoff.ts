import type { TaskContext, TaskType } from './context.js';
import type { Heuristic } from './heuristic.js';
import type { Pattern } from './pattern.js';

export interface HandoffStepSummary {
  stepNumber: number;
  tool: string;
  action: string;
  result: 'success' | 'error' | 'timeout' | 'none';
}

/** Everything a fresh agent needs to continue an open episode from a checkpoint; computed, not stored. */
export interface HandoffPack {
  checkpointId: string;
  episodeId: string;
  namespace: string;
  goal: string;
  taskType: TaskType;
  context: TaskContext;
  checkpointReason: string;
  note?: string;
  /** The latest steps up to the checkpoint (bounded). */
  stepsSoFar: HandoffStepSummary[];
  totalSteps: number;
  whatWorked: string[];
  whatFailed: string[];
  salientFacts: string[];
  suggestedNextSteps: string[];
  relevantPatterns: Pattern[];
  relevantHeuristics: Heuristic[];
  createdAt: string;
}
