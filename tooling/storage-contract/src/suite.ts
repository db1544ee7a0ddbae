import { describe } from 'vitest';
import { adminCases } from './cases/admin.js';
import { completionCases } from './cases/completion.js';
import { deleteCascadeCases } from './cases/delete-cascade.js';
import { durabilityCases } from './cases/durability.js';
import { embeddingCases } from './cases/embeddings.js';
import { episodeCases } from './cases/episodes.js';
import { exportImportCases } from './cases/export-import.js';
import { heuristicCases } from './cases/heuristics.js';
import { listEpisodeCases } from './cases/list-episodes.js';
import { patternUsageCases } from './cases/pattern-usage.js';
import { patternCases } from './cases/patterns.js';
import { procedurePriorCases } from './cases/procedure-prior.js';
import { recommendationCases } from './cases/recommendations.js';
import { relationshipCases } from './cases/relationships.js';
import { statsCases } from './cases/stats.js';
import { stepCases } from './cases/steps.js';
import { textSearchCases } from './cases/text-search.js';
import { vectorSearchCases } from './cases/vector-search.js';
import { createHarness } from './harness.js';
import type { ContractTarget } from './index.js';

/**
 * Registers the whole contract suite for one backend. Every test gets a fresh, empty instance from
 * `target.create()`; the cases use only the `StorageBackend` port, so every backend runs them unchanged.
 */
export function runStorageContract(target: ContractTarget): void {
  describe(`storage contract: ${target.name}`, () => {
    const harness = createHarness(target);
    episodeCases(harness);
    stepCases(harness);
    completionCases(harness);
    listEpisodeCases(harness);
    deleteCascadeCases(harness);
    patternCases(harness);
    heuristicCases(harness);
    patternUsageCases(harness);
    embeddingCases(harness);
    textSearchCases(harness);
    vectorSearchCases(harness);
    procedurePriorCases(harness);
    relationshipCases(harness);
    recommendationCases(harness);
    statsCases(harness);
    exportImportCases(harness);
    adminCases(harness);
    durabilityCases(harness);
  });
}
