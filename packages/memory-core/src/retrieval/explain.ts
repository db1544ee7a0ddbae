import type { ScoreBreakdown } from '../memory/results.js';

const DAY_MS = 86_400_000;

export function formatAge(isoTime: string | undefined, nowMs: number): string | undefined {
  if (!isoTime) return undefined;
  const days = Math.floor((nowMs - Date.parse(isoTime)) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

const round = (value: number) => value.toFixed(2);

/** The signal part of a reason: "lexical 0.82, semantic 0.71, prior 0.90". */
export function describeSignals(breakdown: ScoreBreakdown): string {
  const parts: string[] = [];
  if (breakdown.lexical > 0) parts.push(`lexical ${round(breakdown.lexical)}`);
  if (breakdown.semantic > 0) parts.push(`semantic ${round(breakdown.semantic)}`);
  if (breakdown.context > 0) parts.push(`context ${round(breakdown.context)}`);
  if (breakdown.prior > 0) parts.push(`procedure prior ${round(breakdown.prior)}`);
  if (breakdown.effectiveness > 0) parts.push(`effectiveness ${round(breakdown.effectiveness)}`);
  return parts.join(', ');
}

export function joinReason(parts: ReadonlyArray<string | undefined | false>): string {
  return parts.filter((part): part is string => Boolean(part)).join(', ');
}
