import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';

/** Calls a tool and returns the result as the protocol delivered it. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** Calls a tool that must succeed and returns its structured content. */
export async function callOk<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<T> {
  const result = await callTool(client, name, args);
  expect(result.isError, `${name} failed: ${textOf(result)}`).toBeFalsy();
  return result.structuredContent as T;
}

/** Calls a tool that must fail and returns the text the model reads. */
export async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<string> {
  const result = await callTool(client, name, args);
  expect(result.isError, `${name} should have failed: ${textOf(result)}`).toBe(true);
  return textOf(result);
}

export function textOf(result: CallToolResult): string {
  return result.content.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('\n');
}
