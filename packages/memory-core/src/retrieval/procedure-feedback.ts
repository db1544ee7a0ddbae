/**
 * Query-conditioned feedback on procedures (playbooks). Every piece of feedback that names an applied playbook
 * is one observation for a second procedure prior: the session's query terms, with the pseudo-tool
 * `+{playbookId}` when the task then succeeded and `-{playbookId}` when it failed. For a new query the same
 * naive Bayes model (`predictTools`) then says how likely each procedure is to work or fail for tasks described
 * like this one — learned from the agents' own reports, general in the words, cheap to update.
 */

/** The namespace holding a namespace's procedure feedback (`#` cannot occur in a namespace, so no clash). */
export function procedureFeedbackNamespace(namespace: string): string {
  return `${namespace}#procedure-feedback`;
}

export function feedbackToken(playbookId: string, succeeded: boolean): string {
  return `${succeeded ? '+' : '-'}${playbookId}`;
}

/**
 * The factor a procedure's vote is multiplied by, in [0, 2]: `1 + c·(2s − 1)`, where `s` is the estimated
 * chance that the procedure works for tasks like this one (its success reports over all its reports) and `c`
 * how strongly tasks like this one reported on it at all. 1 when nothing was reported.
 */
export function feedbackFactor(predictions: ReadonlyMap<string, number>, playbookId: string): number {
  const failed = predictions.get(feedbackToken(playbookId, false)) ?? 0;
  const succeeded = predictions.get(feedbackToken(playbookId, true)) ?? 0;
  const confidence = Math.max(failed, succeeded);
  if (confidence === 0) return 1;
  const successChance = succeeded / (succeeded + failed);
  return 1 + confidence * (2 * successChance - 1);
}
