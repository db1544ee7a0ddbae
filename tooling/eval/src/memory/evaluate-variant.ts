import type { TauBench } from '../dataset/tau-bench.js';
import type { ProcedureScores } from '../measures/procedure-metrics.js';
import type { RunScores } from '../measures/run-metrics.js';
import { createEvalMemory, ingestEpisodes, type RankingOverrides } from './eval-memory.js';
import { type LatencyMs, measureLatency } from './latency.js';
import { measurePlaybookAccuracy, type PlaybookScores } from './playbook-accuracy.js';
import { measureProcedureRetrieval } from './procedure-retrieval.js';
import { measureRealRuns } from './real-runs.js';

export interface VariantResult {
  procedureRetrieval: ProcedureScores;
  playbook: PlaybookScores;
  realRuns: RunScores;
  latencyMs?: LatencyMs;
}

/**
 * One memory configuration measured end to end: the procedure episodes in one fresh memory (retrieval, then
 * latency, then playbooks), the recorded runs in another (the two workloads never see each other).
 */
export async function evaluateVariant(
  bench: TauBench,
  ranking: RankingOverrides,
  options: { latency: boolean; progress: (message: string) => void },
): Promise<VariantResult> {
  const { procedures, runs } = bench;
  const memory = await createEvalMemory(ranking);
  try {
    const stored = await ingestEpisodes(memory, procedures.episodes, (done) =>
      options.progress(`  ingested ${done}/${procedures.episodes.length} episodes`),
    );
    const procedureRetrieval = await measureProcedureRetrieval(memory, stored, procedures);
    const latencyMs = options.latency ? await measureLatency(memory, procedures.queries) : undefined;
    const playbook = await measurePlaybookAccuracy(memory, procedures);
    const runMemory = await createEvalMemory(ranking);
    try {
      const storedRuns = await ingestEpisodes(runMemory, runs.episodes);
      const realRuns = await measureRealRuns(runMemory, storedRuns, runs);
      return { procedureRetrieval, playbook, realRuns, ...(latencyMs ? { latencyMs } : {}) };
    } finally {
      await runMemory.close();
    }
  } finally {
    await memory.close();
  }
}
