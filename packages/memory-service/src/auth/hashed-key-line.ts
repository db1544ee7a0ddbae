import { randomBytes } from 'node:crypto';
import { MemoryError, NamespaceSchema } from '@slm/memory-core';
import { hashApiKey } from './api-key.js';
import { MIN_API_KEY_LENGTH } from './parse-api-keys.js';

/**
 * The line to put in `MEMORY_API_KEYS_FILE` for a key: `sha256:<hash>:namespace[:admin]`. The file then holds
 * no usable secret; the caller hands the plain key to the client once.
 */
export function formatHashedApiKey(key: string, namespace: string, admin = false): string {
  if (key.length < MIN_API_KEY_LENGTH || key.includes(':') || /[,\s]/.test(key)) {
    throw new MemoryError(
      'CONFIG_INVALID',
      `an API key must be at least ${MIN_API_KEY_LENGTH} characters without ":", "," or white space`,
    );
  }
  if (!NamespaceSchema.safeParse(namespace).success) {
    throw new MemoryError(
      'CONFIG_INVALID',
      `invalid namespace "${namespace}": use 1–64 letters, digits, "_", "." or "-"`,
    );
  }
  return `sha256:${hashApiKey(key)}:${namespace}${admin ? ':admin' : ''}`;
}

/** A new random key: 32 bytes as base64url (43 characters, no ":" or ","). */
export function generateApiKey(): string {
  return randomBytes(32).toString('base64url');
}
