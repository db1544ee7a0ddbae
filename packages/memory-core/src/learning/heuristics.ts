import type { Episode } from '../domain/episode.js';
import type { HeuristicContribution } from '../domain/heuristic.js';
import { outcomeSuccessValue } from '../domain/outcome.js';
import { isDecisionAction } from './decision-action.js';
import { asClause, displayText } from './display-text.js';
import { normalizeText } from './patterns/normalize-text.js';
import { orderedSteps } from './step-stats.js';

const MAX_HEURISTICS_PER_EPISODE = 20;
const MAX_CLAUSE_CHARS = 200;

/**
 * Condition → action rules from an episode's decision steps: "In {domain}[ using {language}], {decision}" →
 * "Use {next tool} to {next action}", keyed by the normalised pair so evidence accumulates across episodes.
 *
 * Successful and partial episodes add their outcome value as a success. Failed episodes add evidence with
 * success 0 — the contribution carries a success value in [0, 1], so the same rule's confidence (the Wilson lower
 * bound of successes/total) falls when following it went wrong. Abstained episodes add nothing: stopping on an
 * infeasible task says nothing about the rule. One contribution per key per episode; a decision that is the
 * last step has no follow-up and yields none.
 */
export function extractHeuristics(
  episode: Episode,
  options: { newId: () => string; at: string },
): HeuristicContribution[] {
  const outcome = episode.outcome;
  if (outcome === undefined || outcome.type === 'abstained') return [];
  const success = outcomeSuccessValue(outcome);
  const steps = orderedSteps(episode.steps);
  const { domain, language } = episode.context;
  const setting = language ? `In ${domain} using ${language}` : `In ${domain}`;
  const contributions: HeuristicContribution[] = [];
  const seen = new Set<string>();
  const seenRaw = new Set<string>();
  for (
    let index = 0;
    index < steps.length - 1 && contributions.length < MAX_HEURISTICS_PER_EPISODE;
    index++
  ) {
    const decision = steps[index]!;
    if (!isDecisionAction(decision.action)) continue;
    const next = steps[index + 1]!;
    // The same decision and follow-up logged again needs no second normalisation.
    const raw = `${decision.action}\u0000${next.tool}\u0000${next.action}`;
    if (seenRaw.has(raw)) continue;
    seenRaw.add(raw);
    const condition = `${setting}, ${clause(decision.action)}`;
    const action = `Use ${next.tool} to ${clause(next.action)}`;
    const key = heuristicKey(condition, action);
    if (seen.has(key)) continue;
    seen.add(key);
    contributions.push({
      newId: options.newId(),
      namespace: episode.namespace,
      key,
      condition,
      action,
      domain,
      success,
      episodeId: episode.id,
      at: options.at,
    });
  }
  return contributions;
}

/** The identity of a heuristic: its condition and action with variable parts (numbers, paths…) normalised. */
export function heuristicKey(condition: string, action: string): string {
  return `${normalizeText(condition, 300)}=>${normalizeText(action, 300)}`;
}

function clause(text: string): string {
  return asClause(displayText(text, MAX_CLAUSE_CHARS));
}
