import { resolve } from 'node:path';
import { isMemoryError, type MemoryError } from '@slm/memory-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileUrl, resolveLocation } from './url-policy.js';

function refusal(run: () => unknown): MemoryError {
  try {
    run();
  } catch (error) {
    if (isMemoryError(error)) return error;
    throw error;
  }
  throw new Error('expected the URL to be refused');
}

describe('URL policy', () => {
  it('accepts file: URLs in every spelling and resolves them to absolute paths', () => {
    expect(resolveLocation({ url: 'file:./data/memory.db' })).toEqual({
      kind: 'file',
      path: resolve('data/memory.db'),
    });
    expect(resolveLocation({ url: 'file:relative/x.db' })).toEqual({
      kind: 'file',
      path: resolve('relative/x.db'),
    });
    expect(resolveLocation({ url: 'file:/var/lib/slm/memory.db' })).toEqual({
      kind: 'file',
      path: '/var/lib/slm/memory.db',
    });
    expect(resolveLocation({ url: 'file:///var/lib/memory.db' })).toEqual({
      kind: 'file',
      path: '/var/lib/memory.db',
    });
    expect(resolveLocation({ url: 'file://localhost/tmp/a%20b.db' })).toEqual({
      kind: 'file',
      path: '/tmp/a b.db',
    });
    expect(resolveLocation({ url: '  FILE:/tmp/upper.db ' })).toEqual({
      kind: 'file',
      path: '/tmp/upper.db',
    });
  });

  it('refuses file: URLs with a host, query, or an in-memory database', () => {
    for (const url of [
      'file://example.com/x.db',
      'file:/x.db?mode=ro',
      'file::memory:',
      'file:',
      'file:///',
    ]) {
      const error = refusal(() => resolveLocation({ url }));
      expect({ url, code: error.code }).toEqual({ url, code: 'CONFIG_INVALID' });
      expect(error.message).toContain('TURSO_DATABASE_URL');
    }
  });

  it('accepts libsql:// with a non-blank token, and refuses it without one', () => {
    expect(resolveLocation({ url: 'libsql://db-org.turso.io', authToken: ' token ' })).toEqual({
      kind: 'remote',
      url: 'libsql://db-org.turso.io',
      authToken: 'token',
    });
    for (const authToken of [undefined, '', '   ']) {
      const error = refusal(() => resolveLocation({ url: 'libsql://db-org.turso.io', authToken }));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('TURSO_AUTH_TOKEN');
      expect(error.details['variable']).toBe('TURSO_AUTH_TOKEN');
    }
  });

  it('refuses libsql:// without a host or with TLS switched off', () => {
    for (const url of ['libsql:db.turso.io', 'libsql:///x', 'libsql://db.turso.io:8080?tls=0']) {
      expect(refusal(() => resolveLocation({ url, authToken: 't' })).code).toBe('CONFIG_INVALID');
    }
  });

  it('refuses http(s) and ws(s) naming the variable, the accepted schemes and the TLS reason', () => {
    for (const scheme of ['http', 'https', 'ws', 'wss']) {
      const error = refusal(() => resolveLocation({ url: `${scheme}://db.turso.io`, authToken: 't' }));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('TURSO_DATABASE_URL');
      expect(error.message).toContain('file:');
      expect(error.message).toContain('libsql://');
      expect(error.message).toContain('TLS');
      expect(error.details).toMatchObject({
        variable: 'TURSO_DATABASE_URL',
        scheme: `${scheme}:`,
        acceptedSchemes: ['file:', 'libsql://'],
      });
    }
  });

  it('refuses every other scheme and non-URLs the same way, never echoing credentials', () => {
    for (const url of [
      'postgres://u:hunter2@db/x',
      'memory.db',
      '',
      'C:\\data\\memory.db',
      'sqlite:///x.db',
    ]) {
      const error = refusal(() => resolveLocation({ url, authToken: 't' }));
      expect({ url, code: error.code }).toEqual({ url, code: 'CONFIG_INVALID' });
      expect(error.message).toContain('TURSO_DATABASE_URL');
      expect(error.message).toContain('libsql://');
      expect(error.message).not.toContain('hunter2');
    }
  });

  it('never accepts a URL that is neither file: nor libsql:// (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (url, token) => {
        const trimmed = url.trim().toLowerCase();
        if (trimmed.startsWith('file:') || trimmed.startsWith('libsql:')) return;
        expect(refusal(() => resolveLocation({ url, authToken: token })).code).toBe('CONFIG_INVALID');
      }),
    );
  });

  it('configures an embedded replica: a local file syncing from a libsql:// primary', () => {
    expect(
      resolveLocation({
        url: 'file:/tmp/replica.db',
        syncUrl: 'libsql://db-org.turso.io',
        authToken: 'token',
        syncIntervalSeconds: 60,
      }),
    ).toEqual({
      kind: 'replica',
      path: '/tmp/replica.db',
      syncUrl: 'libsql://db-org.turso.io',
      authToken: 'token',
      syncIntervalSeconds: 60,
    });
    const insecure = refusal(() =>
      resolveLocation({ url: 'file:/tmp/r.db', syncUrl: 'https://db-org.turso.io', authToken: 'token' }),
    );
    expect(insecure.message).toContain('TURSO_SYNC_URL');
    expect(
      refusal(() => resolveLocation({ url: 'file:/tmp/r.db', syncUrl: 'libsql://db.turso.io' })).message,
    ).toContain('TURSO_AUTH_TOKEN');
    expect(
      refusal(() =>
        resolveLocation({ url: 'libsql://a.turso.io', syncUrl: 'libsql://b.turso.io', authToken: 't' }),
      ).message,
    ).toContain('TURSO_SYNC_URL');
    expect(
      refusal(() =>
        resolveLocation({
          url: 'file:/tmp/r.db',
          syncUrl: 'libsql://db.turso.io',
          authToken: 't',
          syncIntervalSeconds: 0,
        }),
      ).message,
    ).toContain('TURSO_SYNC_INTERVAL');
  });

  it('escapes the characters libSQL would read as a query or fragment', () => {
    expect(fileUrl('/tmp/a?b#c%d.db')).toBe('file:/tmp/a%3Fb%23c%25d.db');
  });
});
