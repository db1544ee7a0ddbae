import type { ProcedureCounts, ProcedureObservation } from '../procedure-prior-store.js';

interface TermCounts {
  documents: number;
  tools: Map<string, number>;
}

/**
 * Document counts behind the learned procedure prior of one namespace: how many observed episodes used each
 * tool, held each term, and held each term while using each tool. Observing costs O(terms × tools).
 */
export class ProcedureCounter {
  private documents = 0;
  private readonly observed = new Set<string>();
  private readonly tools = new Map<string, number>();
  private readonly terms = new Map<string, TermCounts>();

  /** Adds an episode's evidence once; false when that episode was already observed. */
  observe(observation: ProcedureObservation): boolean {
    if (this.observed.has(observation.episodeId)) return false;
    this.observed.add(observation.episodeId);
    this.documents++;
    const tools = [...new Set(observation.tools)];
    for (const tool of tools) this.tools.set(tool, (this.tools.get(tool) ?? 0) + 1);
    for (const term of new Set(observation.terms)) {
      let counts = this.terms.get(term);
      if (!counts) {
        counts = { documents: 0, tools: new Map() };
        this.terms.set(term, counts);
      }
      counts.documents++;
      for (const tool of tools) counts.tools.set(tool, (counts.tools.get(tool) ?? 0) + 1);
    }
    return true;
  }

  /** Counts for the requested terms; terms never seen are absent. */
  counts(terms: readonly string[]): ProcedureCounts {
    const termDocuments: Array<[string, number]> = [];
    const termToolDocuments: Array<[string, Record<string, number>]> = [];
    for (const term of new Set(terms)) {
      const counts = this.terms.get(term);
      if (!counts) continue;
      termDocuments.push([term, counts.documents]);
      termToolDocuments.push([term, Object.fromEntries(counts.tools)]);
    }
    // Object.fromEntries defines own properties, so a term like "__proto__" stays an ordinary key.
    return {
      documents: this.documents,
      toolDocuments: Object.fromEntries(this.tools),
      termDocuments: Object.fromEntries(termDocuments),
      termToolDocuments: Object.fromEntries(termToolDocuments),
    };
  }
}
