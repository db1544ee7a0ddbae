import { defineProjectConfig } from '@slm/vitest-config';

// Each test starts a Node process that compiles the example's TypeScript: allow for a busy machine.
export default defineProjectConfig({ testTimeoutMs: 120_000 });
