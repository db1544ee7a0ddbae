import { uuidv7 } from '../domain/ids.js';
import { outcomeSuccessValue } from '../domain/outcome.js';
import { patternSuccessRate } from '../domain/pattern.js';
import type { RecommendationFeedback, RecommendationSession } from '../domain/recommendation.js';
import { MemoryError } from '../errors.js';
import { feedbackToken, procedureFeedbackNamespace } from '../retrieval/procedure-feedback.js';
import type { PatternUsage } from '../storage/pattern-store.js';
import { distinctSearchTerms } from '../text/terms.js';
import { type FeedbackInput, FeedbackInputSchema } from './inputs.js';
import { type MemoryScope, nowIso } from './runtime.js';
import { notFound, parseInput, requireId } from './validation.js';

/**
 * Records what the agent did with a session's recommendations and updates each applied pattern's measured
 * effectiveness in the same atomic write: applications, successes (the outcome's success value), failures and
 * the reward delta — how much better than the pattern's historical success rate this application went.
 */
export async function recordFeedback(
  scope: MemoryScope,
  sessionId: unknown,
  input: FeedbackInput,
): Promise<RecommendationFeedback> {
  const id = requireId(sessionId, 'sessionId');
  const parsed = parseInput(FeedbackInputSchema, input, 'feedback');
  const { storage } = scope.runtime;
  const session = await storage.getRecommendationSession(scope.namespace, id);
  if (!session) throw notFound('recommendation session', id);
  const recommended = new Set(session.patternIds);
  const foreign = parsed.appliedPatternIds.filter((patternId) => !recommended.has(patternId));
  if (foreign.length > 0) {
    throw new MemoryError(
      'VALIDATION_FAILED',
      `invalid feedback: appliedPatternIds must be patterns this session recommended; not recommended: ${foreign.join(', ')}`,
      {
        details: {
          issues: [{ path: 'appliedPatternIds', message: 'not recommended in this session' }],
          foreign,
        },
      },
    );
  }
  const unknownPlaybooks = parsed.appliedPlaybookIds.filter(
    (playbookId) => !session.playbookIds.includes(playbookId),
  );
  if (unknownPlaybooks.length > 0) {
    throw new MemoryError(
      'VALIDATION_FAILED',
      `invalid feedback: appliedPlaybookIds must be playbooks this session recommended; not recommended: ${unknownPlaybooks.join(', ')}`,
      { details: { issues: [{ path: 'appliedPlaybookIds', message: 'not recommended in this session' }] } },
    );
  }
  const at = nowIso(scope);
  const applied = [...new Set(parsed.appliedPatternIds)];
  const success = outcomeSuccessValue(parsed.outcome);
  const patterns = await storage.getPatterns(scope.namespace, applied);
  const usage: PatternUsage[] = patterns.map((pattern) => ({
    patternId: pattern.id,
    applied: 1,
    succeeded: success,
    failed: 1 - success,
    rewardDelta: success - patternSuccessRate(pattern.stats),
    at,
  }));
  const feedback: RecommendationFeedback = {
    id: uuidv7(scope.runtime.clock.now()),
    namespace: scope.namespace,
    sessionId: id,
    appliedPatternIds: applied,
    appliedPlaybookIds: [...new Set(parsed.appliedPlaybookIds)],
    consultedEpisodeIds: [...new Set(parsed.consultedEpisodeIds)],
    outcome: parsed.outcome,
    ...(parsed.rating === undefined ? {} : { rating: parsed.rating }),
    createdAt: at,
  };
  await storage.insertRecommendationFeedback(feedback, usage);
  await learnProcedureFeedback(scope, session, feedback, success);
  return feedback;
}

/**
 * Teaches the procedure-feedback prior which playbooks worked for tasks described like the session's query.
 * Idempotent per session. Runs after the feedback is stored: if it fails, the feedback stands and the failure
 * is logged (the prior is derived data).
 */
async function learnProcedureFeedback(
  scope: MemoryScope,
  session: RecommendationSession,
  feedback: RecommendationFeedback,
  success: number,
): Promise<void> {
  const terms = distinctSearchTerms(session.query);
  if (feedback.appliedPlaybookIds.length === 0 || terms.length === 0) return;
  const tools = feedback.appliedPlaybookIds.map((playbookId) => feedbackToken(playbookId, success >= 0.5));
  try {
    await scope.runtime.storage.observeProcedure(procedureFeedbackNamespace(scope.namespace), {
      episodeId: session.id,
      terms,
      tools,
    });
  } catch (error) {
    scope.runtime.logger.error({ err: error, sessionId: session.id }, 'recording procedure feedback failed');
  }
}
