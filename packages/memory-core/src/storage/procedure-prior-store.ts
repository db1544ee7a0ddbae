/** One completed episode as evidence for the learned procedure prior: its description terms and tools. */
export interface ProcedureObservation {
  episodeId: string;
  /** Distinct description terms. */
  terms: readonly string[];
  /** Distinct tools the episode used. */
  tools: readonly string[];
}

/** Document counts for the terms of one query, from which the prior scores tools (see retrieval). */
export interface ProcedureCounts {
  /** Observed episodes. */
  documents: number;
  /** Episodes that used each tool (all tools seen in the namespace). */
  toolDocuments: Record<string, number>;
  /** Episodes whose description holds each requested term (requested terms never seen are absent). */
  termDocuments: Record<string, number>;
  /** Episodes holding the term that used the tool, for requested terms. */
  termToolDocuments: Record<string, Record<string, number>>;
}

/** The persisted counts behind the learned procedure prior (domain.md, Retrieval 6). */
export interface ProcedurePriorStore {
  /**
   * Adds one episode's evidence atomically. Idempotent per episode id: observing the same episode again
   * changes nothing and returns false.
   */
  observeProcedure(namespace: string, observation: ProcedureObservation): Promise<boolean>;

  /** Counts for the requested terms, read in the store without loading other terms. */
  getProcedureCounts(namespace: string, terms: readonly string[]): Promise<ProcedureCounts>;
}
