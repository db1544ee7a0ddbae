import type { RankingOverrides } from './eval-memory.js';

/** Every re-scoring signal off: the ranking is the fused (RRF) relevance alone. */
const NO_RESCORING: RankingOverrides = {
  contextWeight: 0,
  outcomeWeight: 0,
  recencyWeight: 0,
  priorWeight: 0,
  effectivenessWeight: 0,
};

/**
 * The ablation ladder of the quality bar — lexical only, vector only, fused, everything — expressed purely as
 * the memory's public ranking config. `full` is the default config (what every other measure uses).
 */
export const ABLATIONS = {
  lexicalOnly: { ...NO_RESCORING, semanticSearch: false },
  vectorOnly: { ...NO_RESCORING, lexicalSearch: false },
  fused: NO_RESCORING,
  full: {},
} satisfies Record<string, RankingOverrides>;

type SignalWeight =
  | 'contextWeight'
  | 'outcomeWeight'
  | 'recencyWeight'
  | 'priorWeight'
  | 'effectivenessWeight';

/** Fused plus one re-scoring signal, which keeps the memory's default weight (left unset). */
function fusedWith(signal: SignalWeight): RankingOverrides {
  const { [signal]: _dropped, ...rest } = NO_RESCORING;
  return rest;
}

/** The per-signal ladder (`--signals`): what each re-scoring signal adds to the fused relevance on its own. */
export const SIGNAL_ABLATIONS = {
  fusedContext: fusedWith('contextWeight'),
  fusedOutcome: fusedWith('outcomeWeight'),
  fusedRecency: fusedWith('recencyWeight'),
  fusedPrior: fusedWith('priorWeight'),
  fusedEffectiveness: fusedWith('effectivenessWeight'),
} satisfies Record<string, RankingOverrides>;
