import { MemoryError, NamespaceSchema } from '@slm/memory-core';
import { type ApiKey, apiKeyId, hashApiKey } from './api-key.js';

/** Shortest plain key accepted: anything shorter can be guessed. */
export const MIN_API_KEY_LENGTH = 16;

const HASH = /^[0-9a-f]{64}$/;

/**
 * Parses `MEMORY_API_KEYS` (or the contents of `MEMORY_API_KEYS_FILE`): entries separated by commas or new
 * lines, each `key:namespace[:admin]` or `sha256:<64 hex digits>:namespace[:admin]`. Blank entries and lines
 * starting with `#` are skipped. A bad entry fails with `CONFIG_INVALID` naming its position
 * (`API key entry 3 …`), never its key; the caller prefixes the variable the text came from.
 */
export function parseApiKeys(text: string): ApiKey[] {
  const keys: ApiKey[] = [];
  const positions = new Map<string, number>();
  const entries = text.split(/[,\n]/);
  for (const [index, raw] of entries.entries()) {
    const entry = raw.trim();
    if (entry === '' || entry.startsWith('#')) continue;
    const position = index + 1;
    const key = parseEntry(entry, position);
    const earlier = positions.get(key.hash);
    if (earlier !== undefined) {
      throw invalid(position, `repeats the key of entry ${earlier}`);
    }
    positions.set(key.hash, position);
    keys.push(key);
  }
  return keys;
}

function parseEntry(entry: string, position: number): ApiKey {
  const parts = entry.split(':').map((part) => part.trim());
  const hashed = parts[0] === 'sha256' && parts.length >= 3;
  const [secret, namespace, flag, ...rest] = hashed ? parts.slice(1) : parts;
  if (namespace === undefined || rest.length > 0) {
    throw invalid(position, 'must be key:namespace[:admin] or sha256:<64 hex digits>:namespace[:admin]');
  }
  if (flag !== undefined && flag !== 'admin') {
    throw invalid(position, 'the third field may only be "admin"');
  }
  if (!NamespaceSchema.safeParse(namespace).success) {
    throw invalid(position, 'has an invalid namespace: use 1–64 letters, digits, "_", "." or "-"');
  }
  let hash: string;
  if (hashed) {
    if (!HASH.test(secret ?? ''))
      throw invalid(position, 'must give the SHA-256 as 64 lower-case hex digits');
    hash = secret as string;
  } else {
    if ((secret ?? '').length < MIN_API_KEY_LENGTH) {
      throw invalid(position, `has a key shorter than ${MIN_API_KEY_LENGTH} characters`);
    }
    hash = hashApiKey(secret as string);
  }
  return { hash, namespace, admin: flag === 'admin', id: apiKeyId(hash) };
}

function invalid(position: number, problem: string): MemoryError {
  return new MemoryError('CONFIG_INVALID', `API key entry ${position} ${problem}`, {
    details: { entry: position },
  });
}
