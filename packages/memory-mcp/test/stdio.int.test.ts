import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import { afterEach, describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../src/index.js';
import { runLifecycleScenario } from './support/lifecycle-scenario.js';

const ENTRY = fileURLToPath(new URL('./support/stdio-entry.ts', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE_ARGUMENTS = ['--conditions=source', '--import', 'tsx', ENTRY];

const directories: TempDirectory[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const directory of directories.splice(0)) directory.remove();
});

function databaseUrl(): string {
  const directory = createTempDirectory('slm-mcp-stdio-');
  directories.push(directory);
  return directory.databaseUrl();
}

describe('the stdio server as a process', () => {
  it('serves the whole agent loop to the SDK client', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: NODE_ARGUMENTS,
      cwd: PACKAGE_ROOT,
      env: { ...getDefaultEnvironment(), SLM_TEST_DATABASE_URL: databaseUrl() },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'stdio-test', version: '0.0.0' });
    cleanups.push(() => client.close());
    await client.connect(transport);
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...TOOL_NAMES].sort());
    await runLifecycleScenario(client);
    expect(stderr).not.toContain('"level":"error"');
  });

  it('writes nothing but JSON-RPC to stdout, logs to stderr, and exits when stdin ends', async () => {
    const child = spawn(process.execPath, NODE_ARGUMENTS, {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, SLM_TEST_DATABASE_URL: databaseUrl() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    const answered = (id: number) =>
      expect.poll(() => stdout.includes(`"id":${id}`), { timeout: 15_000 }).toBe(true);

    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    });
    await answered(1);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: {
        name: 'create_episode',
        arguments: { task_description: 'raw stdio check', domain: 'cli', task_type: 'testing' },
      },
    });
    send({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'create_episode', arguments: { domain: 1 } },
    });
    await answered(2);
    await answered(3);
    child.stdin.end();

    expect(await exited).toBe(0);
    const lines = stdout.split('\n').filter((line) => line.length > 0);
    expect(lines.length).toBe(3);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(stderr).toContain('"message":"mcp tool called"');
    expect(stderr).toContain('"message":"mcp stdio connection closed"');
  });
});
