/**
 * Hooks for measurements (the service turns them into Prometheus metrics). Every method is optional and must
 * not throw; core calls them with measured values only.
 */
export interface MemoryObserver {
  episodeCreated?(namespace: string): void;
  episodeCompleted?(namespace: string, durationMs: number): void;
  stepsLogged?(namespace: string, count: number): void;
  retrieval?(namespace: string, durationMs: number): void;
  patternExtraction?(namespace: string, outcome: 'success' | 'failure', durationMs: number): void;
}
