import { defineConfig } from 'tsup';

export default defineConfig({
  // dist/index.js: the library; dist/stdio.js: the `memory-mcp` binary.
  entry: { index: 'src/index.ts', stdio: 'src/bin/stdio.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
});
