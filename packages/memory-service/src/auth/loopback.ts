import { isIPv4, isIPv6 } from 'node:net';
import { MemoryError } from '@slm/memory-core';
import type { ApiKey } from './api-key.js';

/** True for `localhost`, 127.0.0.0/8, `::1` and IPv4-mapped loopback (`::ffff:127.x.x.x`). */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  if (isIPv4(name)) return name.startsWith('127.');
  if (isIPv6(name)) {
    if (name === '::1' || name === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(name);
    return mapped?.[1]?.startsWith('127.') ?? false;
  }
  return false;
}

/**
 * Refuses to serve beyond loopback without API keys: anonymous access has admin rights over the whole
 * default namespace, which is only acceptable when nothing but this machine can connect.
 */
export function assertListenAllowed(host: string, apiKeys: readonly ApiKey[]): void {
  if (apiKeys.length > 0 || isLoopbackHost(host)) return;
  throw new MemoryError(
    'CONFIG_INVALID',
    `refusing to listen on ${host} without API keys: set MEMORY_API_KEYS or MEMORY_API_KEYS_FILE, or HOST=127.0.0.1`,
    { details: { host } },
  );
}
