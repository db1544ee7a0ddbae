import type { RuntimeConfig } from './runtime-config.js';

/** The configuration as it may be logged or printed: secrets replaced, credentials in URLs masked. */
export function describeConfig(config: RuntimeConfig): RuntimeConfig {
  const hidden = (value: string | undefined) => (value === undefined ? undefined : '[redacted]');
  return {
    ...config,
    database: { ...config.database, authToken: hidden(config.database.authToken) },
    cache: { ...config.cache, redisUrl: maskCredentials(config.cache.redisUrl) },
    embeddings: { ...config.embeddings, apiKey: hidden(config.embeddings.apiKey) },
    server: { ...config.server, apiKeys: hidden(config.server.apiKeys) },
  };
}

/** `redis://user:secret@host:6379` → `redis://user:[redacted]@host:6379`. */
export function maskCredentials(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/]*)@/i, (_whole, scheme: string, credentials: string) => {
    const user = credentials.includes(':') ? credentials.slice(0, credentials.indexOf(':')) : '';
    return `${scheme}${user ? `${user}:` : ''}[redacted]@`;
  });
}
