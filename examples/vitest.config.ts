import { defineProjectConfig } from '@slm/vitest-config';

export default defineProjectConfig();
