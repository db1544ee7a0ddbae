import { createHash } from 'node:crypto';

/**
 * One configured API key. Only the SHA-256 of the key is kept: a heap dump or a stray log line of this object
 * reveals nothing that authenticates.
 */
export interface ApiKey {
  /** SHA-256 of the key, 64 lower-case hex digits. */
  hash: string;
  /** The namespace every request made with this key is scoped to. */
  namespace: string;
  /** Admin keys may also call `/v1/admin/*`. */
  admin: boolean;
  /** The first 12 hex digits of the hash: names the key in logs and rate limits without revealing it. */
  id: string;
}

/** SHA-256 of a key as 64 lower-case hex digits (the form `MEMORY_API_KEYS_FILE` stores). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function apiKeyId(hash: string): string {
  return hash.slice(0, 12);
}
