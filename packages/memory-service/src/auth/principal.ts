import type { SelfLearningMemory } from '@slm/memory-core';

/** Who a request acts as: the namespace it is scoped to, and whether it may call admin routes. */
export interface Principal {
  /** The key's id (a prefix of its hash) or `anonymous` when no keys are configured. */
  keyId: string;
  namespace: string;
  admin: boolean;
  /** The memory scoped to `namespace`. */
  memory: SelfLearningMemory;
}
