import type { PatternContent } from '../../domain/pattern.js';

/** One sighting of a pattern inside an episode, before sightings with the same key are combined. */
export interface PatternObservation {
  content: PatternContent;
  /** In [0, 1]. */
  success: number;
  /** Latency of this sighting (tool sequences only; 0 otherwise). */
  latencyMs: number;
}
