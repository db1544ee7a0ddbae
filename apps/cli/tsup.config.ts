import { defineConfig } from 'tsup';

/**
 * The `memory-cli` binary (src/main.ts keeps its `#!/usr/bin/env node` line: esbuild preserves an entry's
 * hashbang) and the library entry (`createProgram`, `runCli`) with its types. The evaluation harness is a
 * private workspace package shipped as TypeScript source, so it is bundled in; every other dependency stays
 * external.
 */
export default defineConfig({
  entry: ['src/main.ts', 'src/index.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
  noExternal: ['@slm/eval'],
});
