import type { ProcedureObservation, ProcedurePriorStore } from '../procedure-prior-store.js';
import { guarded } from './guard.js';
import { ProcedureCounter } from './procedure-counter.js';
import type { InMemoryState } from './state.js';

const EMPTY = new ProcedureCounter();

export function createProcedurePriorStore(state: InMemoryState): ProcedurePriorStore {
  return {
    observeProcedure: guarded(
      state,
      'observeProcedure',
      (namespace: string, observation: ProcedureObservation) =>
        state.namespace(namespace).procedure.observe(observation),
    ),

    getProcedureCounts: guarded(state, 'getProcedureCounts', (namespace: string, terms: readonly string[]) =>
      (state.peek(namespace)?.procedure ?? EMPTY).counts(terms),
    ),
  };
}
