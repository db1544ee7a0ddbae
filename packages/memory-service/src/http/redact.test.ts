import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  it.each([
    ['libsql://user:s3cret@db.turso.io/x', 'libsql://***@db.turso.io/x'],
    ['redis://:pw@127.0.0.1:6379', 'redis://***@127.0.0.1:6379'],
    ['https://h/x?authToken=abc&b=1', 'https://h/x?authToken=***&b=1'],
    ['GET /?api_key=zzz', 'GET /?api_key=***'],
    ['Authorization: Bearer abc.def', 'Authorization: Bearer ***'],
    ['plain text stays', 'plain text stays'],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });
});
