import { defineProjectConfig } from '@slm/vitest-config';

// A private redis-server for the run (or REDIS_URL); tests fail loudly when neither is available.
export default defineProjectConfig({ redis: true });
