import { createMemory, isMemoryError } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from './authenticator.js';
import { isLoopbackHost } from './loopback.js';
import { parseApiKeys } from './parse-api-keys.js';

const KEY = 'a-key-of-sufficient-length';

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('createAuthenticator', () => {
  it('refuses anonymous requests arriving on a non-loopback address, whatever the bind address', async () => {
    const memory = await createMemory({ storage: createInMemoryStorage() });
    const anonymous = createAuthenticator(memory, []);
    expect(anonymous.authenticate(undefined, '127.0.0.1')).toMatchObject({
      namespace: 'default',
      admin: true,
    });
    expect(anonymous.authenticate(undefined, '::ffff:127.0.0.1').keyId).toBe('anonymous');
    expect(
      isMemoryError(
        refusal(() => anonymous.authenticate(undefined, '10.1.2.3')),
        'UNAUTHORIZED',
      ),
    ).toBe(true);
  });

  it('maps a bearer key to its namespace and reuses the scoped memory', async () => {
    const memory = await createMemory({ storage: createInMemoryStorage() });
    const keyed = createAuthenticator(memory, parseApiKeys(`${KEY}:team`));
    const first = keyed.authenticate(`Bearer ${KEY}`, '10.1.2.3');
    expect(first).toMatchObject({ namespace: 'team', admin: false });
    expect(first.memory.namespace).toBe('team');
    expect(keyed.authenticate(`bearer  ${KEY} `, undefined).memory).toBe(first.memory);
    for (const header of [undefined, '', 'Bearer', `Basic ${KEY}`, `Bearer ${KEY}x`, `Bearer ${KEY} extra`]) {
      expect(
        isMemoryError(
          refusal(() => keyed.authenticate(header, '127.0.0.1')),
          'UNAUTHORIZED',
        ),
        String(header),
      ).toBe(true);
    }
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['128.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
