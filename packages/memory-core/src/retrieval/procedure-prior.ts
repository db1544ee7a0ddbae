import type { ProcedureCounts } from '../storage/procedure-prior-store.js';

/** Laplace smoothing of the document counts. */
const SMOOTHING = 1;
/** Episodes the tool prior must have seen before it says anything (its counts are learned, not reported). */
export const MIN_DOCUMENTS = 5;

/**
 * The learned procedure prior (domain.md, Retrieval 6): for each tool, a Bernoulli naive Bayes estimate of the
 * probability that a task described by `terms` uses it, from the document counts of completed successful
 * episodes. Only the query's own terms contribute (absent terms are ignored), and their evidence is scaled by
 * 1/√(terms) because description words are far from independent. Empty when too little has been observed.
 */
export function predictTools(
  counts: ProcedureCounts,
  terms: readonly string[],
  minDocuments = MIN_DOCUMENTS,
): Map<string, number> {
  const predictions = new Map<string, number>();
  const documents = counts.documents;
  if (documents < minDocuments) return predictions;
  const known = terms.filter((term) => (counts.termDocuments[term] ?? 0) > 0);
  const scale = known.length === 0 ? 0 : 1 / Math.sqrt(known.length);
  for (const [tool, toolDocuments] of Object.entries(counts.toolDocuments)) {
    const withoutTool = documents - toolDocuments;
    let logOdds = Math.log((toolDocuments + SMOOTHING) / (withoutTool + SMOOTHING));
    let evidence = 0;
    for (const term of known) {
      const termDocuments = counts.termDocuments[term] ?? 0;
      const together = counts.termToolDocuments[term]?.[tool] ?? 0;
      const givenTool = (together + SMOOTHING) / (toolDocuments + 2 * SMOOTHING);
      const givenOther = (termDocuments - together + SMOOTHING) / (withoutTool + 2 * SMOOTHING);
      evidence += Math.log(givenTool / givenOther);
    }
    logOdds += evidence * scale;
    predictions.set(tool, 1 / (1 + Math.exp(-logOdds)));
  }
  return predictions;
}

/**
 * Log-likelihood that a procedure using exactly `tools` is the one the task needs: every predicted tool
 * either used (p) or not (1 − p). Tools the prior has never seen do not count.
 */
export function toolSetLogLikelihood(
  predictions: ReadonlyMap<string, number>,
  tools: ReadonlySet<string>,
): number {
  let logLikelihood = 0;
  for (const [tool, probability] of predictions) {
    const clamped = Math.min(1 - 1e-6, Math.max(1e-6, probability));
    logLikelihood += Math.log(tools.has(tool) ? clamped : 1 - clamped);
  }
  return logLikelihood;
}

/**
 * Prior scores in [0, 1] for candidate tool sets: the likelihood of each relative to the most likely one, so
 * the best-fitting procedure scores 1 and one that needs a tool the task likely does not scores near 0.
 */
export function relativeToolSetScores(
  predictions: ReadonlyMap<string, number>,
  toolSets: ReadonlyArray<ReadonlySet<string>>,
): number[] {
  if (predictions.size === 0) return toolSets.map(() => 0);
  const logLikelihoods = toolSets.map((tools) => toolSetLogLikelihood(predictions, tools));
  const best = Math.max(...logLikelihoods);
  // Per predicted tool (a geometric mean), so that one doubtful tool lowers the score instead of zeroing it.
  return logLikelihoods.map((value) => Math.exp((value - best) / predictions.size));
}

/** Mean predicted probability of the given tools (0 when the prior knows none of them). */
export function meanToolProbability(
  predictions: ReadonlyMap<string, number>,
  tools: readonly string[],
): number {
  const known = tools.filter((tool) => predictions.has(tool));
  if (known.length === 0) return 0;
  return known.reduce((sum, tool) => sum + predictions.get(tool)!, 0) / known.length;
}
