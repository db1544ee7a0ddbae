import { timingSafeEqual } from 'node:crypto';
import type { ApiKey } from './api-key.js';
import { hashApiKey } from './api-key.js';

/** Finds the configured key a presented secret belongs to, in time independent of which key (if any) matches. */
export interface KeyRing {
  readonly size: number;
  find(presented: string): ApiKey | undefined;
}

export function createKeyRing(keys: readonly ApiKey[]): KeyRing {
  const entries = keys.map((key) => ({ key, digest: Buffer.from(key.hash, 'hex') }));
  return {
    size: entries.length,
    find(presented) {
      // Hashing first gives equal-length buffers; every entry is compared so timing says nothing about which.
      const digest = Buffer.from(hashApiKey(presented), 'hex');
      let found: ApiKey | undefined;
      for (const entry of entries) {
        if (timingSafeEqual(entry.digest, digest) && found === undefined) found = entry.key;
      }
      return found;
    },
  };
}
