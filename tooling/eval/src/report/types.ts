import type { BaselineScores } from '../baseline/bm25-baselines.js';
import type { LatencyMs } from '../memory/latency.js';

/** The scores of one memory configuration. */
export interface VariantScores {
  procedureRetrieval: { ndcg5: number; recall5: number; mrr: number };
  playbookAccuracy: number;
  realRuns: { hit1: number; successFirst: number };
}

/** What `pnpm eval --json` prints: the shape, plus the baselines and the counts behind the numbers. */
export interface EvalReport extends VariantScores {
  learningCurve: number[];
  latencyMs: LatencyMs;
  ablation: Record<string, VariantScores>;
  baselines: { bm25: BaselineScores; published: typeof PUBLISHED_BASELINES };
  meta: {
    split: string;
    dataDir: string;
    trainEpisodes: number;
    queries: number;
    /** Queries with at least one relevant stored episode: the denominator of retrieval and playbook measures. */
    answerableQueries: number;
    /** Playbook accuracy with the unanswerable queries counted as misses. */
    playbookAccuracyAllQueries: number;
    runEpisodes: number;
    runQueries: number;
    successFirstQueries: number;
    rankDepth: number;
    durationMs: number;
  };
}

/** The quality bar's published BM25 baselines (quality-bar.md, "Learning and retrieval quality"). */
export const PUBLISHED_BASELINES = {
  procedureRetrieval: { ndcg5: 0.25, recall5: 0.61, mrr: 0.47 },
  playbookAccuracy: 0.4,
  realRuns: { hit1: 0.66, successFirst: 0.61 },
} as const;

/** The quality bar's targets. */
export const TARGETS = {
  procedureRetrieval: { ndcg5: 0.6, recall5: 0.9, mrr: 0.75 },
  playbookAccuracy: 0.75,
  realRuns: { hit1: 0.9, successFirst: 0.9 },
} as const;
