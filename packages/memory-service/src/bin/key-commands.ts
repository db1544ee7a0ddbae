import { MemoryError } from '@slm/memory-core';
import { formatHashedApiKey, generateApiKey } from '../auth/hashed-key-line.js';

/**
 * The key helpers of the binary, or `null` when `argv` is not one of them:
 * - `hash-key KEY:NAMESPACE[:admin]` → the `sha256:…` line for MEMORY_API_KEYS_FILE;
 * - `generate-key NAMESPACE [admin]` → a new random key and its line.
 */
export function keyCommand(argv: readonly string[]): string | null {
  const [command, first, second] = argv;
  if (command === 'hash-key') {
    const [key = '', namespace = '', flag] = (first ?? '').split(':');
    if (!namespace || (flag !== undefined && flag !== 'admin')) {
      throw new MemoryError('CONFIG_INVALID', 'usage: memory-service hash-key KEY:NAMESPACE[:admin]');
    }
    return `${formatHashedApiKey(key, namespace, flag === 'admin')}\n`;
  }
  if (command === 'generate-key') {
    if (!first || (second !== undefined && second !== 'admin')) {
      throw new MemoryError('CONFIG_INVALID', 'usage: memory-service generate-key NAMESPACE [admin]');
    }
    const key = generateApiKey();
    return [
      `key (give it to the client once; it is not stored): ${key}`,
      `MEMORY_API_KEYS_FILE line: ${formatHashedApiKey(key, first, second === 'admin')}`,
      '',
    ].join('\n');
  }
  return null;
}
