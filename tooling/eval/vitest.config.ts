import { defineProjectConfig } from '@slm/vitest-config';

export default defineProjectConfig({ testTimeoutMs: 30_000 });
