import { hashApiKey, parseApiKeys } from '../../src/index.js';

/** Keys of the test services: two namespaces, an admin and a plain key in one, and a hashed entry. */
export const KEYS = {
  alphaAdmin: 'alpha-admin-key-0123456789',
  alphaUser: 'alpha-user-key-0123456789',
  beta: 'beta-user-key-0123456789',
  gammaHashed: 'gamma-hashed-key-0123456789',
} as const;

export function testApiKeys() {
  return parseApiKeys(
    [
      `${KEYS.alphaAdmin}:alpha:admin`,
      `${KEYS.alphaUser}:alpha`,
      `${KEYS.beta}:beta`,
      // As an operator puts it in MEMORY_API_KEYS_FILE: only the hash.
      `sha256:${hashApiKey(KEYS.gammaHashed)}:gamma`,
    ].join('\n'),
  );
}
