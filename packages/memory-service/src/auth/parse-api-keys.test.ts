import { isMemoryError } from '@slm/memory-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashApiKey } from './api-key.js';
import { formatHashedApiKey, generateApiKey } from './hashed-key-line.js';
import { parseApiKeys } from './parse-api-keys.js';

const KEY = 'k'.repeat(16);

function failure(text: string): Error {
  try {
    parseApiKeys(text);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected parseApiKeys to fail');
}

describe('parseApiKeys', () => {
  it('reads plain and hashed entries separated by commas or new lines, keeping only hashes', () => {
    const hashed = hashApiKey('another-key-0123456789');
    const keys = parseApiKeys(`${KEY}:alpha:admin,\n# an operator's comment\n\n  sha256:${hashed}:beta  `);
    expect(keys).toEqual([
      { hash: hashApiKey(KEY), namespace: 'alpha', admin: true, id: hashApiKey(KEY).slice(0, 12) },
      { hash: hashed, namespace: 'beta', admin: false, id: hashed.slice(0, 12) },
    ]);
    expect(JSON.stringify(keys)).not.toContain(KEY);
    expect(parseApiKeys('')).toEqual([]);
  });

  it('hashes with SHA-256 (known vector)', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    [`${KEY}`, 'entry 1 must be key:namespace'],
    [`${KEY}:alpha:root`, 'entry 1 the third field may only be "admin"'],
    [`${KEY}:bad namespace!`, 'entry 1 has an invalid namespace'],
    ['short:alpha', 'entry 1 has a key shorter than 16 characters'],
    [`${KEY}:alpha\nsha256:abc:beta`, 'entry 2 must give the SHA-256'],
    [`${KEY}:alpha,${KEY}:beta`, 'entry 2 repeats the key of entry 1'],
    [`${KEY}:alpha:admin:extra`, 'entry 1 must be key:namespace'],
  ])('refuses %j with CONFIG_INVALID naming the entry', (text, message) => {
    const error = failure(text);
    expect(isMemoryError(error, 'CONFIG_INVALID')).toBe(true);
    expect(error.message).toContain(message);
  });

  it('never puts a key in an error message', () => {
    const secret = fc.string({ maxLength: 30 }).map((tail) => `Zq9-${tail}`.replace(/[,\n:]/g, '_').trim());
    const entry = fc.tuple(secret, fc.string({ maxLength: 20 }), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(entry, ([key, namespace, flag]) => {
        try {
          parseApiKeys(`${key}:${namespace}:${flag}`);
        } catch (error) {
          expect((error as Error).message).not.toContain(key);
          expect(JSON.stringify((error as { details?: unknown }).details)).not.toContain(key);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('accepts the line formatHashedApiKey writes for a generated key', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const line = formatHashedApiKey(key, 'team-a', true);
    expect(line).toBe(`sha256:${hashApiKey(key)}:team-a:admin`);
    expect(line).not.toContain(key);
    expect(parseApiKeys(line)).toEqual([
      { hash: hashApiKey(key), namespace: 'team-a', admin: true, id: hashApiKey(key).slice(0, 12) },
    ]);
    expect(() => formatHashedApiKey('short', 'team-a')).toThrow(/at least 16/);
    expect(() => formatHashedApiKey(`${KEY}:x`, 'team-a')).toThrow(/without/);
    expect(() => formatHashedApiKey(KEY, 'no/slash')).toThrow(/invalid namespace/);
  });
});
