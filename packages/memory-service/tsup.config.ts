import { defineConfig } from 'tsup';

export default defineConfig({
  // dist/index.js: the library (createService, …); dist/main.js: the `memory-service` binary.
  entry: { index: 'src/index.ts', main: 'src/main.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
});
