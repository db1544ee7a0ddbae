import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { useConnectedMemory } from './support/in-memory-client.js';
import { callOk } from './support/tool-calls.js';

const connected = useConnectedMemory();

async function readJson(uri: string): Promise<Record<string, unknown>> {
  const { contents } = await connected.client.readResource({ uri });
  expect(contents).toHaveLength(1);
  expect(contents[0]).toMatchObject({ uri, mimeType: 'application/json' });
  const [content] = contents;
  return JSON.parse(content && 'text' in content ? content.text : 'null') as Record<string, unknown>;
}

describe('resources', () => {
  it('advertises the stats resource and the episode and pattern templates, without listing the memory', async () => {
    const { resources } = await connected.client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(['memory://stats']);
    const { resourceTemplates } = await connected.client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate).sort()).toEqual([
      'memory://episodes/{id}',
      'memory://patterns/{id}',
    ]);
  });

  it('reads an episode, its learned pattern and the stats as JSON', async () => {
    const { episode_id } = await callOk<{ episode_id: string }>(connected.client, 'create_episode', {
      task_description: 'add caching to the report endpoint',
      domain: 'web-api',
      task_type: 'code_generation',
    });
    for (const [index, tool] of ['read_file', 'edit_file', 'run_tests'].entries()) {
      await callOk(connected.client, 'add_episode_step', {
        episode_id,
        step_number: index + 1,
        tool,
        action: tool,
        result: { type: 'success' },
      });
    }
    const { pattern_ids } = await callOk<{ pattern_ids: string[] }>(connected.client, 'complete_episode', {
      episode_id,
      outcome_type: 'success',
    });

    const episode = await readJson(`memory://episodes/${episode_id}`);
    expect(episode).toMatchObject({
      episode: {
        id: episode_id,
        steps: [{ tool: 'read_file' }, { tool: 'edit_file' }, { tool: 'run_tests' }],
      },
    });
    expect(pattern_ids.length).toBeGreaterThan(0);
    const pattern = await readJson(`memory://patterns/${pattern_ids[0]}`);
    expect(pattern).toMatchObject({ id: pattern_ids[0], pattern: { id: pattern_ids[0] } });
    const stats = await readJson('memory://stats');
    expect(stats).toMatchObject({ namespace: 'default', episodes: { total: 1, completed: 1 } });
  });

  it('answers an unknown or malformed id with a JSON-RPC error, and keeps serving', async () => {
    const unknown = connected.client.readResource({
      uri: 'memory://episodes/01a21393-5237-735a-a6bc-000000000000',
    });
    await expect(unknown).rejects.toBeInstanceOf(McpError);
    await expect(unknown).rejects.toMatchObject({ code: -32002 });
    await expect(
      connected.client.readResource({ uri: 'memory://patterns/not-a-uuid' }),
    ).rejects.toMatchObject({
      code: -32602,
    });
    expect(await readJson('memory://stats')).toMatchObject({ namespace: 'default' });
  });
});
