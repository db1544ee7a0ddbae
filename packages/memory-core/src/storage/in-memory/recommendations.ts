import { outcomeSuccessValue } from '../../domain/outcome.js';
import type {
  RecommendationFeedback,
  RecommendationSession,
  RecommendationStats,
} from '../../domain/recommendation.js';
import { applyPatternUsage } from '../merge.js';
import type { PatternUsage } from '../pattern-store.js';
import type { RecommendationStore } from '../recommendation-store.js';
import { copy } from './clone.js';
import { conflict, notFound } from './failures.js';
import { guarded } from './guard.js';
import type { InMemoryState, NamespaceData } from './state.js';

export function createRecommendationStore(state: InMemoryState): RecommendationStore {
  return {
    insertRecommendationSession: guarded(
      state,
      'insertRecommendationSession',
      (session: RecommendationSession) => {
        if (state.sessionNamespaces.has(session.id)) {
          throw conflict(`recommendation session ${session.id} already exists`, { sessionId: session.id });
        }
        state.sessionNamespaces.set(session.id, session.namespace);
        state.namespace(session.namespace).sessions.set(session.id, copy(session));
      },
    ),

    getRecommendationSession: guarded(state, 'getRecommendationSession', (namespace: string, id: string) => {
      const session = state.peek(namespace)?.sessions.get(id);
      return session ? copy(session) : null;
    }),

    getRecommendationFeedback: guarded(
      state,
      'getRecommendationFeedback',
      (namespace: string, sessionId: string) => {
        const feedback = state.peek(namespace)?.feedback.get(sessionId);
        return feedback ? copy(feedback) : null;
      },
    ),

    insertRecommendationFeedback: guarded(
      state,
      'insertRecommendationFeedback',
      (feedback: RecommendationFeedback, usage: readonly PatternUsage[]) => {
        const data = state.peek(feedback.namespace);
        if (!data?.sessions.has(feedback.sessionId)) {
          throw notFound('recommendation session', feedback.sessionId, feedback.namespace);
        }
        if (data.feedback.has(feedback.sessionId)) {
          throw conflict(`recommendation session ${feedback.sessionId} already has feedback`, {
            sessionId: feedback.sessionId,
          });
        }
        // Feedback and the usage it implies land together: a retry hits CONFLICT above and counts nothing.
        data.feedback.set(feedback.sessionId, copy(feedback));
        data.feedbackSessions.set(feedback.id, feedback.sessionId);
        for (const entry of usage) {
          const pattern = data.patterns.get(entry.patternId);
          if (pattern) data.patterns.set(pattern.id, applyPatternUsage(pattern, entry));
        }
      },
    ),

    recommendationStats: guarded(state, 'recommendationStats', (namespace: string) =>
      computeStats(state.peek(namespace)),
    ),
  };
}

function computeStats(data: NamespaceData | undefined): RecommendationStats {
  let patternsRecommended = 0;
  let patternsApplied = 0;
  let adopting = 0;
  let adoptedSuccess = 0;
  let ratings = 0;
  let ratingSum = 0;
  for (const feedback of data?.feedback.values() ?? []) {
    patternsRecommended += data!.sessions.get(feedback.sessionId)?.patternIds.length ?? 0;
    patternsApplied += feedback.appliedPatternIds.length;
    if (feedback.appliedPatternIds.length > 0) {
      adopting++;
      adoptedSuccess += outcomeSuccessValue(feedback.outcome);
    }
    if (feedback.rating !== undefined) {
      ratings++;
      ratingSum += feedback.rating;
    }
  }
  return {
    sessions: data?.sessions.size ?? 0,
    sessionsWithFeedback: data?.feedback.size ?? 0,
    patternsRecommended,
    patternsApplied,
    adoptionRate: patternsRecommended === 0 ? 0 : patternsApplied / patternsRecommended,
    successAfterAdoption: adopting === 0 ? 0 : adoptedSuccess / adopting,
    averageRating: ratings === 0 ? null : ratingSum / ratings,
  };
}
