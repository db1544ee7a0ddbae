import { MemoryError, type SelfLearningMemory } from '@slm/memory-core';
import type { ApiKey } from './api-key.js';
import { bearerToken } from './bearer-token.js';
import { createKeyRing } from './key-ring.js';
import { isLoopbackHost } from './loopback.js';
import type { Principal } from './principal.js';

export interface Authenticator {
  /** The principal of a request, or `UNAUTHORIZED` (missing or unknown key, anonymous access from afar). */
  authenticate(authorization: string | undefined, localAddress: string | undefined): Principal;
}

/**
 * With keys: the bearer key picks the namespace. Without keys: every request is the root memory's namespace
 * with admin rights — but only over a loopback connection, whatever address the server was bound to.
 */
export function createAuthenticator(memory: SelfLearningMemory, apiKeys: readonly ApiKey[]): Authenticator {
  const ring = createKeyRing(apiKeys);
  const scoped = new Map<string, SelfLearningMemory>();
  const memoryFor = (namespace: string): SelfLearningMemory => {
    let found = scoped.get(namespace);
    if (found === undefined) {
      found = namespace === memory.namespace ? memory : memory.withNamespace(namespace);
      scoped.set(namespace, found);
    }
    return found;
  };
  const anonymous: Principal = { keyId: 'anonymous', namespace: memory.namespace, admin: true, memory };

  return {
    authenticate(authorization, localAddress) {
      if (ring.size === 0) {
        if (localAddress !== undefined && !isLoopbackHost(localAddress)) {
          throw unauthorized('anonymous access is allowed on loopback only; configure MEMORY_API_KEYS');
        }
        return anonymous;
      }
      const token = bearerToken(authorization);
      if (token === undefined) {
        throw unauthorized('missing API key: send the header "Authorization: Bearer <key>"');
      }
      const key = ring.find(token);
      if (key === undefined) throw unauthorized('unknown API key');
      return { keyId: key.id, namespace: key.namespace, admin: key.admin, memory: memoryFor(key.namespace) };
    },
  };
}

function unauthorized(message: string): MemoryError {
  return new MemoryError('UNAUTHORIZED', message);
}
