import { defineProjectConfig } from '@slm/vitest-config';

// The cache commands run against a real Redis server (a private redis-server for the run).
const config = defineProjectConfig({ redis: true, testTimeoutMs: 60_000 });

// Two test files at a time: most of their time is spent waiting for the spawned memory-cli processes.
export default { ...config, test: { ...config.test, maxWorkers: 2 } };
