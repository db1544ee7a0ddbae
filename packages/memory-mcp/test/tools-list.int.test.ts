import { describe, expect, it } from 'vitest';
import { SERVER_INSTRUCTIONS, TOOL_NAMES } from '../src/index.js';
import { useConnectedMemory } from './support/in-memory-client.js';

const connected = useConnectedMemory();

interface ObjectSchema {
  type: string;
  properties?: Record<string, { description?: string }>;
  required?: string[];
  additionalProperties?: boolean;
}

describe('tools/list', () => {
  it('lists every tool of the original, and nothing else', async () => {
    const { tools } = await connected.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...TOOL_NAMES].sort());
  });

  it('describes each tool and advertises a strict JSON Schema with snake_case, described arguments', async () => {
    const { tools } = await connected.client.listTools();
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(60);
      const schema = tool.inputSchema as ObjectSchema;
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties, tool.name).toBe(false);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(name, tool.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect(property.description, `${tool.name}.${name}`).toBeTruthy();
      }
    }
  });

  it("keeps the original's required arguments", async () => {
    const { tools } = await connected.client.listTools();
    const required = (name: string) =>
      (
        (tools.find((tool) => tool.name === name)?.inputSchema as ObjectSchema | undefined)?.required ?? []
      ).sort();
    expect(required('create_episode')).toEqual(['domain', 'task_description', 'task_type']);
    expect(required('add_episode_step')).toEqual(['action', 'episode_id', 'step_number', 'tool']);
    expect(required('complete_episode')).toEqual(['episode_id', 'outcome_type']);
    expect(required('query_memory')).toEqual(['query']);
    expect(required('recommend_playbook')).toEqual(['domain', 'task_description']);
    expect(required('record_recommendation_feedback')).toEqual(['outcome', 'session_id']);
    expect(required('delete_episode')).toEqual(['confirm', 'episode_id']);
  });

  it('tells the agent how to use the memory when it connects', () => {
    expect(connected.client.getInstructions()).toBe(SERVER_INSTRUCTIONS);
  });
});
