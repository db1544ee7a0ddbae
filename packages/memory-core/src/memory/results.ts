import type { Episode } from '../domain/episode.js';
import type { Heuristic } from '../domain/heuristic.js';
import type { Pattern } from '../domain/pattern.js';
import type { Playbook } from '../domain/playbook.js';
import type { RecommendationStats } from '../domain/recommendation.js';
import type { StorageStats } from '../storage/admin-store.js';

/**
 * How a result's score was made. Every signal is in [0, 1] before weighting; `total` is the final score.
 * Signals that did not apply are 0 (and named in `reason`).
 */
export interface ScoreBreakdown {
  lexical: number;
  semantic: number;
  fused: number;
  context: number;
  outcome: number;
  recency: number;
  prior: number;
  effectiveness: number;
  total: number;
}

export interface RankedEpisode {
  episode: Episode;
  score: number;
  breakdown: ScoreBreakdown;
  /** One line: why it ranked. */
  reason: string;
  /** True when it comes from another domain than the query's (cross-domain fallback). */
  crossDomain: boolean;
}

export interface RankedPattern {
  pattern: Pattern;
  score: number;
  breakdown: ScoreBreakdown;
  reason: string;
  crossDomain: boolean;
}

export interface RankedHeuristic {
  heuristic: Heuristic;
  score: number;
  reason: string;
}

/** A similar past failure: what went wrong and what to do instead. */
export interface RetrievalWarning {
  episodeId: string;
  taskDescription: string;
  whatWentWrong: string;
  doInstead: string;
  score: number;
}

export interface TokenBudgetReport {
  tokenBudget: number;
  tokensUsed: number;
  /** Results left out to stay within the budget. */
  omitted: number;
}

export interface RetrievedContext {
  episodes: RankedEpisode[];
  patterns: RankedPattern[];
  heuristics: RankedHeuristic[];
  playbook: Playbook | null;
  warnings: RetrievalWarning[];
  /** One paragraph: what was searched, which signals contributed, whether it fell back across domains. */
  explanation: string;
  budget?: TokenBudgetReport;
}

export interface PatternRecommendations {
  /** Present when an episode id was given: pass it to `recordFeedback`. */
  sessionId?: string;
  patterns: RankedPattern[];
}

export interface PlaybookRecommendations {
  sessionId?: string;
  playbooks: Playbook[];
}

export interface PatternExplanation {
  pattern: Pattern;
  summary: string;
  successRate: number;
  effectiveness: number;
  confidence: number;
  evidence: Array<{ episodeId: string; taskDescription: string; outcome: string }>;
}

export interface MemoryStats extends StorageStats {
  namespace: string;
  /** Completed episodes whose outcome was a success, over completed episodes (0 when none). */
  successRate: number;
  recommendations: RecommendationStats;
  /** Counters of this process since start (learning runs and failures, buffered steps). */
  process: {
    learningRuns: number;
    learningFailures: number;
    bufferedSteps: number;
  };
}

export interface LogStepsResult {
  /** Steps accepted (written, or buffered in `batched` mode). */
  accepted: number;
  /** Steps that were already logged with identical content. */
  unchanged: number;
  /** True when steps are buffered and not yet durable (`batched` mode). */
  buffered: boolean;
}
