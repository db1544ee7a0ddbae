import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSince } from './since.js';

const NOW = new Date('2025-06-15T12:00:00.000Z');

describe('parseSince', () => {
  it('reads dates (midnight UTC), date-times with zones, and ages', () => {
    expect(parseSince('2025-01-31', NOW)).toBe('2025-01-31T00:00:00.000Z');
    expect(parseSince('2025-01-31T12:30:00Z', NOW)).toBe('2025-01-31T12:30:00.000Z');
    expect(parseSince('2025-01-31T12:30:00+02:00', NOW)).toBe('2025-01-31T10:30:00.000Z');
    expect(parseSince('90m', NOW)).toBe('2025-06-15T10:30:00.000Z');
    expect(parseSince('12h', NOW)).toBe('2025-06-15T00:00:00.000Z');
    expect(parseSince('30d', NOW)).toBe('2025-05-16T12:00:00.000Z');
    expect(parseSince('2w', NOW)).toBe('2025-06-01T12:00:00.000Z');
  });

  it('refuses anything else, saying what it accepts', () => {
    for (const text of ['yesterday', '30', 'd30', '2025-13-45', '2025/01/31', '', '-3d']) {
      expect(() => parseSince(text, NOW)).toThrow(/expected an ISO date/);
    }
  });

  it('an age of n units is always n units before now', () => {
    const units = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.constantFrom('m', 'h', 'd', 'w'), (count, unit) => {
        const since = Date.parse(parseSince(`${count}${unit}`, NOW));
        expect(NOW.getTime() - since).toBe(count * units[unit as keyof typeof units]);
      }),
    );
  });
});
