import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolContext } from '../tool-support/define-tool.js';
import { boundedEpisode } from '../views/bounded-episode.js';
import { patternView } from '../views/pattern-view.js';
import { readFailure } from './read-failure.js';

const JSON_MIME_TYPE = 'application/json';

/**
 * memory://episodes/{id}, memory://patterns/{id} and memory://stats as JSON. The templates list nothing:
 * listing every episode would dump the whole memory.
 */
export function registerResources(server: McpServer, context: ToolContext): void {
  const { memory, logger } = context;
  const read = async (uri: URL, load: () => Promise<unknown>): Promise<ReadResourceResult> => {
    try {
      return { contents: [{ uri: uri.href, mimeType: JSON_MIME_TYPE, text: JSON.stringify(await load()) }] };
    } catch (error) {
      throw readFailure(error, uri, logger);
    }
  };

  server.registerResource(
    'episode',
    new ResourceTemplate('memory://episodes/{id}', { list: undefined }),
    {
      title: 'Episode',
      description:
        'One episode with its latest steps, outcome, reward and reflection (long episodes are trimmed).',
      mimeType: JSON_MIME_TYPE,
    },
    (uri, variables) =>
      read(uri, async () => boundedEpisode(await memory.getEpisode(String(variables['id'])))),
  );

  server.registerResource(
    'pattern',
    new ResourceTemplate('memory://patterns/{id}', { list: undefined }),
    {
      title: 'Pattern',
      description: 'One learned pattern with its statistics and measured effectiveness.',
      mimeType: JSON_MIME_TYPE,
    },
    (uri, variables) =>
      read(uri, async () => {
        const pattern = await memory.getPattern(String(variables['id']));
        return { ...patternView(pattern), pattern };
      }),
  );

  server.registerResource(
    'stats',
    'memory://stats',
    {
      title: 'Memory statistics',
      description:
        'Counts and rates of this namespace: episodes, steps, patterns, heuristics, recommendations.',
      mimeType: JSON_MIME_TYPE,
    },
    (uri) => read(uri, () => memory.stats()),
  );
}
