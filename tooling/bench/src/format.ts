import type { Latency } from './measure.js';

/** Microseconds as "12.3 µs" or, from a millisecond up, "1.23 ms". */
export const µs = (value: number) =>
  value >= 1_000 ? `${(value / 1_000).toFixed(2)} ms` : `${value.toFixed(1)} µs`;

export const count = (value: number) => Math.round(value).toLocaleString('en');

/** A table row: name, p50, p95, the target with its verdict, and any further cells. */
export function latencyRow(name: string, latency: Latency, target: string, ...rest: string[]): string {
  const verdict = targetMet(latency.p95, target);
  return `| ${[name, µs(latency.p50), µs(latency.p95), `${target} ${verdict}`.trim(), ...rest].join(' | ')} |`;
}

/** "≤ 20 µs" / "≤ 5 ms" → met or not, from the measured p95 in µs; "—" has no verdict. */
export function targetMet(p95: number, target: string): string {
  const match = /≤ ([\d.]+) (µs|ms)/.exec(target);
  if (!match) return '';
  const limit = Number(match[1]) * (match[2] === 'ms' ? 1_000 : 1);
  return verdict(p95 <= limit);
}

export const verdict = (met: boolean) => (met ? '(met)' : '(**not met**)');
