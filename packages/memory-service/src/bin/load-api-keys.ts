import { readFileSync } from 'node:fs';
import { MemoryError } from '@slm/memory-core';
import type { RuntimeConfig } from '@slm/memory-runtime';
import type { ApiKey } from '../auth/api-key.js';
import { parseApiKeys } from '../auth/parse-api-keys.js';

/** The keys of `MEMORY_API_KEYS` and `MEMORY_API_KEYS_FILE` together; a problem names its variable. */
export function loadApiKeys(server: RuntimeConfig['server']): ApiKey[] {
  const fromVariable = parse('MEMORY_API_KEYS', server.apiKeys ?? '');
  if (server.apiKeysFile === undefined) return fromVariable;
  let text: string;
  try {
    text = readFileSync(server.apiKeysFile, 'utf8');
  } catch (error) {
    throw new MemoryError(
      'CONFIG_INVALID',
      `MEMORY_API_KEYS_FILE: cannot read ${server.apiKeysFile}: ${(error as Error).message}`,
    );
  }
  const fromFile = parse('MEMORY_API_KEYS_FILE', text);
  const seen = new Set(fromVariable.map((key) => key.hash));
  if (fromFile.some((key) => seen.has(key.hash))) {
    throw new MemoryError(
      'CONFIG_INVALID',
      'the same API key is in MEMORY_API_KEYS and MEMORY_API_KEYS_FILE',
    );
  }
  return [...fromVariable, ...fromFile];
}

function parse(variable: string, text: string): ApiKey[] {
  try {
    return parseApiKeys(text);
  } catch (error) {
    throw new MemoryError('CONFIG_INVALID', `${variable}: ${(error as Error).message}`, { cause: error });
  }
}
