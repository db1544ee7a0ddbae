import type { Episode } from '../domain/episode.js';
import { outcomeSuccessValue } from '../domain/outcome.js';
import type { Pattern } from '../domain/pattern.js';
import type { Pitfall, Playbook, PlaybookStep } from '../domain/playbook.js';
import { isFailedStep } from '../domain/step.js';
import { wilsonLowerBound } from '../learning/wilson.js';
import type { RankedEpisode, RankedPattern, RetrievalWarning } from '../memory/results.js';
import { feedbackFactor } from './procedure-feedback.js';
import { episodeTools } from './rank-episodes.js';
import { feedbackBoost } from './rank-patterns.js';

export interface PlaybookInput {
  episodes: readonly RankedEpisode[];
  patterns: readonly RankedPattern[];
  warnings: readonly RetrievalWarning[];
  maxSteps: number;
  maxPlaybooks: number;
  /** Weight of the learned feedback boost of a procedure's supporting patterns. */
  feedbackBoostWeight: number;
  /** Query-conditioned feedback on procedures (`+id` / `-id` probabilities); empty when none was reported. */
  procedureFeedback?: ReadonlyMap<string, number>;
}

/** How many of the best-ranked successful episodes vote on the procedure. */
const VOTERS = 10;

interface Procedure {
  signature: string;
  members: RankedEpisode[];
  support: Pattern[];
  vote: number;
}

/**
 * Synthesises playbooks: the best-ranked successful episodes vote (by score) for a procedure — the set of
 * tools they used — and each winning procedure becomes ordered steps (from its best exemplar, with decision
 * and recovery patterns woven in), pitfalls from similar failures, when (not) to apply it, a confidence and
 * the evidence ids. Measured feedback on the supporting patterns adds to the vote.
 */
export function synthesisePlaybooks(input: PlaybookInput): Playbook[] {
  const voters = input.episodes
    .filter(({ episode }) => episode.outcome !== undefined && outcomeSuccessValue(episode.outcome) > 0)
    .slice(0, VOTERS);
  const procedures = groupProcedures(voters, input.patterns);
  for (const procedure of procedures) {
    const boost = procedure.support.reduce((best, pattern) => Math.max(best, feedbackBoost(pattern)), 0);
    procedure.vote += input.feedbackBoostWeight * boost;
    if (input.procedureFeedback)
      procedure.vote *= feedbackFactor(input.procedureFeedback, playbookId(procedure));
  }
  procedures.sort((left, right) => right.vote - left.vote);
  const chosen = procedures.slice(0, input.maxPlaybooks);
  return chosen.map((procedure) => buildPlaybook(procedure, procedures, input));
}

/** Stable per procedure (its tool set), so feedback on a playbook applies whenever the procedure recurs. */
function playbookId(procedure: Procedure): string {
  return `playbook-${hashText(procedure.signature)}`;
}

function signatureOf(episode: Episode): string {
  return [...episodeTools(episode)].sort().join('|');
}

function groupProcedures(voters: readonly RankedEpisode[], patterns: readonly RankedPattern[]): Procedure[] {
  const bySignature = new Map<string, Procedure>();
  for (const voter of voters) {
    const signature = signatureOf(voter.episode);
    let procedure = bySignature.get(signature);
    if (!procedure) {
      procedure = { signature, members: [], support: [], vote: 0 };
      bySignature.set(signature, procedure);
    }
    procedure.members.push(voter);
    procedure.vote += voter.score;
  }
  for (const procedure of bySignature.values()) {
    const tools = new Set(procedure.signature.split('|'));
    const memberPatternIds = new Set(procedure.members.flatMap(({ episode }) => episode.patternIds));
    procedure.support = patterns
      .map(({ pattern }) => pattern)
      .filter((pattern) => memberPatternIds.has(pattern.id) || supports(pattern, tools));
  }
  return [...bySignature.values()];
}

/** A pattern supports a procedure when everything it recommends is among the procedure's tools. */
function supports(pattern: Pattern, tools: ReadonlySet<string>): boolean {
  switch (pattern.type) {
    case 'tool_sequence':
      return pattern.tools.every((tool) => tools.has(tool));
    case 'error_recovery':
      return pattern.recoverySteps.every((tool) => tools.has(tool));
    default:
      return false;
  }
}

function buildPlaybook(procedure: Procedure, all: readonly Procedure[], input: PlaybookInput): Playbook {
  const best = procedure.members[0]!;
  const steps = procedureSteps(best.episode, procedure.support, input.maxSteps);
  const successSum = procedure.members.reduce(
    (sum, { episode }) => sum + (episode.outcome ? outcomeSuccessValue(episode.outcome) : 0),
    0,
  );
  const confidence = Math.min(
    1,
    best.score * (0.5 + 0.5 * wilsonLowerBound(successSum, procedure.members.length)),
  );
  const tools = procedure.signature.split('|').filter(Boolean);
  return {
    id: playbookId(procedure),
    taskMatchScore: best.score,
    whyRelevant: `${procedure.members.length} similar successful task(s) used this procedure; best match: ${best.reason}`,
    whenToApply: whenToApply(best.episode, tools),
    whenNotToApply: whenNotToApply(procedure, all, input.warnings),
    steps,
    pitfalls: pitfalls(procedure, input.warnings),
    expectedOutcome: `succeeded in ${formatCount(successSum)}/${procedure.members.length} similar task(s) that used these tools`,
    confidence,
    supportingPatternIds: procedure.support.map((pattern) => pattern.id),
    supportingEpisodeIds: procedure.members.map(({ episode }) => episode.id),
  };
}

/** The exemplar's successful steps in order (repeats of the same tool and action collapsed), then recoveries. */
function procedureSteps(exemplar: Episode, support: readonly Pattern[], maxSteps: number): PlaybookStep[] {
  const steps: PlaybookStep[] = [];
  let previous = '';
  for (const step of exemplar.steps) {
    if (isFailedStep(step)) continue;
    const key = `${step.tool}\u0000${step.action}`;
    if (key === previous) continue;
    previous = key;
    steps.push({
      order: steps.length + 1,
      action: `Use ${step.tool}: ${truncate(step.action, 200)}`,
      toolHint: step.tool,
    });
  }
  for (const pattern of support) {
    if (pattern.type === 'decision_point') {
      steps.push({
        order: steps.length + 1,
        action: `Evaluate: ${pattern.condition} / Then: ${pattern.action}`,
      });
    } else if (pattern.type === 'error_recovery') {
      steps.push({
        order: steps.length + 1,
        action: `If ${pattern.errorType}: ${pattern.recoverySteps.join(', then ')}`,
        toolHint: pattern.recoverySteps[0],
      });
    }
  }
  return steps.slice(0, maxSteps).map((step, index) => ({ ...step, order: index + 1 }));
}

function whenToApply(exemplar: Episode, tools: readonly string[]): string[] {
  const context = exemplar.context;
  const where = [context.domain, context.language, context.framework].filter(Boolean).join(' / ');
  return [
    `Tasks like: "${truncate(exemplar.taskDescription, 160)}"`,
    `Context: ${where} (${exemplar.taskType}, ${context.complexity})`,
    `The task needs: ${tools.join(', ')}`,
  ];
}

function whenNotToApply(
  procedure: Procedure,
  all: readonly Procedure[],
  warnings: readonly RetrievalWarning[],
): string[] {
  const own = new Set(procedure.signature.split('|'));
  const notes: string[] = [];
  for (const other of all) {
    if (other === procedure) continue;
    const differing = other.signature.split('|').filter((tool) => tool && !own.has(tool));
    if (differing.length > 0) notes.push(`When the task needs ${differing.join(', ')} instead`);
    if (notes.length >= 2) break;
  }
  if (warnings.length > 0)
    notes.push(`Situations like "${truncate(warnings[0]!.taskDescription, 120)}" (it failed)`);
  return notes;
}

function pitfalls(procedure: Procedure, warnings: readonly RetrievalWarning[]): Pitfall[] {
  const fromFailures: Pitfall[] = warnings.slice(0, 3).map((warning) => ({
    warning: warning.whatWentWrong,
    reason: `a similar task failed: "${truncate(warning.taskDescription, 120)}"`,
    mitigation: warning.doInstead,
  }));
  const fromReflections: Pitfall[] = procedure.members
    .flatMap(({ episode }) => episode.reflection?.improvements ?? [])
    .slice(0, 2)
    .map((improvement) => ({ warning: improvement, reason: 'noted when a similar task was reviewed' }));
  return [...fromFailures, ...fromReflections];
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** FNV-1a, for stable playbook ids. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
