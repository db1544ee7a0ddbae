import { freePort } from '@slm/vitest-config/redis-server';
import { inject } from 'vitest';

// What @slm/vitest-config's global setup provides (declared here too: this package may resolve another copy of
// vitest than tooling/vitest, and the augmentation must reach the copy the tests import).
declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    redisPort: number;
  }
}

/** The private redis-server of the test run, database `db` (each test file its own). */
export function redisUrl(db: number): string {
  return `${inject('redisUrl')}/${db}`;
}

/** A loopback port nothing listens on (for "Redis down" and "store down"). */
export const closedPort = freePort;
