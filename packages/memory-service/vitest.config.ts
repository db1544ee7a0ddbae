import { defineProjectConfig } from '@slm/vitest-config';
import { mergeConfig } from 'vitest/config';

export default mergeConfig(defineProjectConfig(), {
  test: {
    server: {
      deps: {
        // eventsource-parser (used by the SDK's HTTP client) publishes a `source` export condition pointing at
        // TypeScript; with the workspace's `source` condition Node would be asked to load it. Inlining the
        // importing SDK module lets vite resolve and compile it instead (as in memory-mcp).
        inline: [/sdk\/dist\/esm\/client\/streamableHttp\.js$/, 'eventsource-parser'],
      },
    },
  },
});
