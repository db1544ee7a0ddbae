import type { Pattern, PatternEffectiveness } from '../domain/pattern.js';
import { clampUnit } from './clamp.js';

/** Effectiveness of a pattern that was never applied: no evidence either way. */
export const NEUTRAL_EFFECTIVENESS = 0.5;
/** Recency of something whose last use is unknown: neither fresh nor stale. */
export const NEUTRAL_RECENCY = 0.5;
/** Floor of `recencyFactor`, so that very old items still rank above nothing. */
const MIN_RECENCY = 1e-6;
const MIN_APPLICATIONS_FOR_DEMOTION = 5;
const DAY_MS = 86_400_000;

/**
 * Measured usefulness after recommendation (domain.md, Effectiveness):
 * `applicationSuccessRate × (1 + min(ln(timesApplied), 3)/3) × max(0, 1 + avgRewardDelta)`, in [0, 2 × (1 +
 * avgRewardDelta)]; 0.5 for a pattern never applied. The success rate is successes over applications.
 */
export function patternEffectiveness(effectiveness: PatternEffectiveness): number {
  const { timesApplied, successWhenApplied, avgRewardDelta } = effectiveness;
  if (timesApplied <= 0) return NEUTRAL_EFFECTIVENESS;
  const successRate = clampUnit(successWhenApplied / timesApplied);
  const experience = 1 + Math.min(Math.log(timesApplied), 3) / 3;
  return successRate * experience * Math.max(0, 1 + avgRewardDelta);
}

/**
 * Exponential decay with a half-life, in (0, 1]: `2^(−age/halfLife)`, so an item as old as the half-life scores
 * 0.5. Future timestamps (clock skew) score 1; an unknown or unparsable timestamp scores `NEUTRAL_RECENCY`; a
 * non-positive half-life disables decay.
 */
export function recencyFactor(iso: string | undefined, nowMs: number, halfLifeDays: number): number {
  if (iso === undefined) return NEUTRAL_RECENCY;
  const thenMs = Date.parse(iso);
  if (!Number.isFinite(thenMs)) return NEUTRAL_RECENCY;
  if (!(halfLifeDays > 0)) return 1;
  const ageDays = (nowMs - thenMs) / DAY_MS;
  if (ageDays <= 0) return 1;
  return Math.max(MIN_RECENCY, 2 ** (-ageDays / halfLifeDays));
}

/** Demoted (ranked last, never deleted): applied at least 5 times and still below the effectiveness threshold. */
export function isDemoted(pattern: Pattern, threshold: number): boolean {
  const { effectiveness } = pattern;
  return (
    effectiveness.timesApplied >= MIN_APPLICATIONS_FOR_DEMOTION &&
    patternEffectiveness(effectiveness) < threshold
  );
}
