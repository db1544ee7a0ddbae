import {
  outcomeSuccessValue,
  type PatternUsage,
  type RecommendationFeedback,
  type RecommendationSession,
  type RecommendationStats,
} from '@slm/memory-core';
import { conflict, notFound } from '../failures.js';
import { patternUsageStatements } from '../patterns/pattern-usage.js';
import type { Database } from '../sql/database.js';
import { isUniqueViolation } from '../sql/errors.js';
import { numeric, optionalNumeric, text } from '../sql/row.js';
import { toMillis } from '../timestamps.js';

export function sessionStatement(session: RecommendationSession, upsert: boolean) {
  return {
    sql: `INSERT INTO recommendation_sessions (id, namespace, pattern_count, created_at, record) VALUES (?, ?, ?, ?, ?)
          ${upsert ? 'ON CONFLICT (id) DO UPDATE SET pattern_count = excluded.pattern_count, created_at = excluded.created_at, record = excluded.record' : ''}`,
    args: [
      session.id,
      session.namespace,
      session.patternIds.length,
      toMillis(session.createdAt, 'createdAt'),
      JSON.stringify(session),
    ],
  };
}

export function feedbackStatement(feedback: RecommendationFeedback, upsert: boolean) {
  return {
    sql: `INSERT INTO recommendation_feedback (id, namespace, session_id, applied_count, success_value, rating, created_at, record)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          ${upsert ? 'ON CONFLICT (id) DO UPDATE SET session_id = excluded.session_id, applied_count = excluded.applied_count, success_value = excluded.success_value, rating = excluded.rating, created_at = excluded.created_at, record = excluded.record' : ''}`,
    args: [
      feedback.id,
      feedback.namespace,
      feedback.sessionId,
      feedback.appliedPatternIds.length,
      outcomeSuccessValue(feedback.outcome),
      feedback.rating ?? null,
      toMillis(feedback.createdAt, 'createdAt'),
      JSON.stringify(feedback),
    ],
  };
}

export function insertRecommendationSession(
  database: Database,
  session: RecommendationSession,
): Promise<void> {
  return database.write('insertRecommendationSession', async (runner) => {
    try {
      await runner.execute(sessionStatement(session, false));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`recommendation session ${session.id} already exists`, { sessionId: session.id });
      }
      throw error;
    }
  });
}

export function getRecommendationSession(
  database: Database,
  namespace: string,
  id: string,
): Promise<RecommendationSession | null> {
  return database.lookup('getRecommendationSession', async (runner) => {
    const result = await runner.execute({
      sql: 'SELECT record FROM recommendation_sessions WHERE id = ? AND namespace = ?',
      args: [id, namespace],
    });
    const row = result.rows[0];
    return row ? (JSON.parse(text(row, 'record')) as RecommendationSession) : null;
  });
}

export function getRecommendationFeedback(
  database: Database,
  namespace: string,
  sessionId: string,
): Promise<RecommendationFeedback | null> {
  return database.lookup('getRecommendationFeedback', async (runner) => {
    const result = await runner.execute({
      sql: 'SELECT record FROM recommendation_feedback WHERE session_id = ? AND namespace = ?',
      args: [sessionId, namespace],
    });
    const row = result.rows[0];
    return row ? (JSON.parse(text(row, 'record')) as RecommendationFeedback) : null;
  });
}

/** Feedback and the pattern usage it implies, in one write: a retried call hits CONFLICT and counts nothing. */
export function insertRecommendationFeedback(
  database: Database,
  feedback: RecommendationFeedback,
  usage: readonly PatternUsage[],
): Promise<void> {
  return database.write('insertRecommendationFeedback', async (runner) => {
    const found = await runner.execute({
      sql: `SELECT (SELECT 1 FROM recommendation_sessions WHERE id = ?1 AND namespace = ?2) AS session,
                   (SELECT 1 FROM recommendation_feedback WHERE session_id = ?1) AS feedback`,
      args: [feedback.sessionId, feedback.namespace],
    });
    const row = found.rows[0]!;
    if (row['session'] === null)
      throw notFound('recommendation session', feedback.sessionId, feedback.namespace);
    if (row['feedback'] !== null) {
      throw conflict(`recommendation session ${feedback.sessionId} already has feedback`, {
        sessionId: feedback.sessionId,
      });
    }
    try {
      await runner.execute(feedbackStatement(feedback, false));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`recommendation feedback ${feedback.id} already exists`, { feedbackId: feedback.id });
      }
      throw error;
    }
    if (usage.length > 0) await runner.batch(patternUsageStatements(feedback.namespace, usage));
  });
}

/** Adoption and success counts over the namespace's feedback, aggregated in SQL. */
export function recommendationStats(database: Database, namespace: string): Promise<RecommendationStats> {
  return database.read('recommendationStats', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT
              (SELECT count(*) FROM recommendation_sessions WHERE namespace = ?1) AS sessions,
              count(f.id) AS with_feedback,
              coalesce(sum(s.pattern_count), 0) AS recommended,
              coalesce(sum(f.applied_count), 0) AS applied,
              coalesce(sum(f.applied_count > 0), 0) AS adopting,
              coalesce(sum(CASE WHEN f.applied_count > 0 THEN f.success_value ELSE 0 END), 0) AS adopted_success,
              count(f.rating) AS ratings,
              sum(f.rating) AS rating_sum
            FROM recommendation_feedback f LEFT JOIN recommendation_sessions s ON s.id = f.session_id
            WHERE f.namespace = ?1`,
      args: [namespace],
    });
    const row = result.rows[0]!;
    const recommended = numeric(row, 'recommended');
    const applied = numeric(row, 'applied');
    const adopting = numeric(row, 'adopting');
    const ratings = numeric(row, 'ratings');
    return {
      sessions: numeric(row, 'sessions'),
      sessionsWithFeedback: numeric(row, 'with_feedback'),
      patternsRecommended: recommended,
      patternsApplied: applied,
      adoptionRate: recommended === 0 ? 0 : applied / recommended,
      successAfterAdoption: adopting === 0 ? 0 : numeric(row, 'adopted_success') / adopting,
      averageRating: ratings === 0 ? null : (optionalNumeric(row, 'rating_sum') ?? 0) / ratings,
    };
  });
}
