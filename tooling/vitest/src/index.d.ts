import type { ViteUserConfig } from 'vitest/config';

export interface ProjectTestOptions {
  /** Start (or reuse via REDIS_URL) a real Redis server for this package's tests. */
  redis?: boolean;
  /** Per-test timeout in milliseconds. */
  testTimeoutMs?: number;
}

export declare function defineProjectConfig(options?: ProjectTestOptions): ViteUserConfig;
