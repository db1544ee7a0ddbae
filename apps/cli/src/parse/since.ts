import { InvalidArgumentError } from 'commander';

const RELATIVE = /^(\d+)([mhdw])$/;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `--since`: an ISO date (`2025-01-31`, midnight UTC), an ISO date-time, or an age relative to `now` (`90m`,
 * `12h`, `30d`, `4w`). Returns an ISO timestamp.
 */
export function parseSince(text: string, now: Date = new Date()): string {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative) {
    return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!]!).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) {
    const dateOnly = trimmed.length === 10;
    const parsed = new Date(dateOnly ? `${trimmed}T00:00:00Z` : trimmed);
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString();
  }
  throw new InvalidArgumentError(
    `expected an ISO date or date-time (2025-01-31, 2025-01-31T12:00:00Z) or an age (90m, 12h, 30d, 4w), got "${text}"`,
  );
}
