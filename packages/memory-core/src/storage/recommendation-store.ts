import type {
  RecommendationFeedback,
  RecommendationSession,
  RecommendationStats,
} from '../domain/recommendation.js';
import type { PatternUsage } from './pattern-store.js';

export interface RecommendationStore {
  /** Persists a session. `CONFLICT` when the id exists. */
  insertRecommendationSession(session: RecommendationSession): Promise<void>;

  /** The session, or `null`. */
  getRecommendationSession(namespace: string, id: string): Promise<RecommendationSession | null>;

  /** The feedback given for a session, or `null`. */
  getRecommendationFeedback(namespace: string, sessionId: string): Promise<RecommendationFeedback | null>;

  /**
   * Stores feedback and applies its pattern usage in one atomic write, so a retried call cannot count twice.
   * Fails with `NOT_FOUND` for an unknown session and `CONFLICT` when the session already has feedback.
   */
  insertRecommendationFeedback(
    feedback: RecommendationFeedback,
    usage: readonly PatternUsage[],
  ): Promise<void>;

  /**
   * Adoption and success counts over the namespace's sessions, computed in the store. `patternsRecommended`
   * and `patternsApplied` count sessions that have feedback (so `adoptionRate` compares like with like);
   * `successAfterAdoption` is the mean outcome success value (`outcomeSuccessValue`) of feedback that applied
   * at least one pattern; `averageRating` is the mean of the ratings given, `null` when none was.
   */
  recommendationStats(namespace: string): Promise<RecommendationStats>;
}
