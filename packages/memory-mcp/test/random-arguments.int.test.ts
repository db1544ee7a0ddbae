import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../src/index.js';
import { argumentsFor, type JsonSchema } from './support/arbitrary-arguments.js';
import { connectInMemory } from './support/in-memory-client.js';
import { openTestMemory, type TestMemory } from './support/test-memory.js';
import { callOk } from './support/tool-calls.js';

const RUNS_PER_TOOL = 30;

let test: TestMemory;
let client: Client;
let close: () => Promise<void>;
let schemas: Map<string, JsonSchema>;
/** Ids that exist (episodes open and completed, patterns, a checkpoint, a session) so calls reach the memory. */
const knownIds: string[] = [];
/** Calls that got past input validation (a result or a refusal by the memory), per tool. */
const reachedMemory = new Map<string, number>();

beforeAll(async () => {
  test = await openTestMemory();
  ({ client, close } = await connectInMemory(test.memory));
  schemas = new Map(
    (await client.listTools()).tools.map((tool) => [tool.name, tool.inputSchema as JsonSchema]),
  );
  for (const outcome_type of ['success', 'failure', null]) {
    const { episode_id } = await callOk<{ episode_id: string }>(client, 'create_episode', {
      task_description: 'retry the web-api call',
      domain: 'web-api',
      task_type: 'debugging',
    });
    knownIds.push(episode_id);
    for (const [index, tool] of ['bash', 'edit_file'].entries()) {
      await callOk(client, 'add_episode_step', {
        episode_id,
        step_number: index + 1,
        tool,
        action: 'retry',
        result: { type: 'success' },
      });
    }
    if (outcome_type) {
      const completed = await callOk<{ pattern_ids: string[] }>(client, 'complete_episode', {
        episode_id,
        outcome_type,
      });
      knownIds.push(...completed.pattern_ids);
    } else {
      const { checkpoint_id } = await callOk<{ checkpoint_id: string }>(client, 'checkpoint_episode', {
        episode_id,
        reason: 'fuzz',
      });
      const { session_id } = await callOk<{ session_id: string }>(client, 'recommend_playbook', {
        task_description: 'retry',
        domain: 'web-api',
        episode_id,
      });
      knownIds.push(checkpoint_id, session_id);
    }
  }
});
afterAll(async () => {
  await close();
  await test.close();
});

describe('random arguments', () => {
  it.each(TOOL_NAMES)('never break %s or the server: every call ends in a tool result', async (name) => {
    const schema = schemas.get(name);
    expect(schema).toBeDefined();
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(argumentsFor(schema ?? {}, knownIds), async (args) => {
        // A protocol error or a crash rejects here and fails the property.
        const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
        expect(result.content.length).toBeGreaterThan(0);
        if (!result.isError) expect(result.structuredContent).toEqual(expect.any(Object));
        if (result.structuredContent) reached += 1;
      }),
      { numRuns: RUNS_PER_TOOL },
    );
    expect(await callOk(client, 'health_check', {})).toMatchObject({ status: 'ok' });
    reachedMemory.set(name, reached);
  });

  // Guards the generator: arguments that never pass validation would make the checks above hollow.
  // The bounds leave a wide margin below what the generator typically reaches (every tool, about 45% of calls).
  it('get past input validation for nearly every tool', () => {
    const counts = [...reachedMemory.values()];
    expect(
      counts.filter((reached) => reached > 0).length,
      JSON.stringify(Object.fromEntries(reachedMemory)),
    ).toBeGreaterThanOrEqual(20);
    expect(counts.reduce((total, reached) => total + reached, 0)).toBeGreaterThanOrEqual(
      TOOL_NAMES.length * RUNS_PER_TOOL * 0.2,
    );
  });
});
