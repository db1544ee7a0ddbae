import { invalid } from './failures.js';

/** An ISO timestamp as epoch milliseconds, the form typed columns store and compare. */
export function toMillis(timestamp: string, field: string): number {
  const millis = Date.parse(timestamp);
  if (!Number.isFinite(millis))
    throw invalid(`${field} is not a valid timestamp: ${JSON.stringify(timestamp)}`, { field });
  return millis;
}

export function toOptionalMillis(timestamp: string | undefined, field: string): number | null {
  return timestamp === undefined ? null : toMillis(timestamp, field);
}
