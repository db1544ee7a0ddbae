import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type Latency, summarise } from '../measure.js';
import { outcome, queryText, random, steps, taskInput } from '../workload.js';
import { builtBinary } from './spawn-binary.js';

export interface McpResults {
  episodes: number;
  queries: number;
  ingestSeconds: number;
  /** Per-call latency of every ingest call (create, steps, complete), µs. */
  ingestCall: Latency;
  querySeconds: number;
  /** Per-call latency of `query_memory`, µs. */
  query: Latency;
}

const STEPS_PER_EPISODE = 3;

/**
 * The `memory-mcp` binary over real stdio with the official SDK client: ingest `episodes` episodes (create,
 * three steps, complete: five tool calls each), then answer `queries` `query_memory` calls. Default
 * configuration on a fresh libSQL file.
 */
export async function benchMcp(
  episodes: number,
  queries: number,
  progress: (message: string) => void,
): Promise<McpResults> {
  const binary = builtBinary('packages/memory-mcp/dist/stdio.js');
  const directory = mkdtempSync(join(tmpdir(), 'slm-bench-mcp-'));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binary],
    env: {
      ...(process.env as Record<string, string>),
      TURSO_DATABASE_URL: `file:${join(directory, 'memory.db')}`,
      LOG_LEVEL: 'warn',
    },
    stderr: 'inherit',
  });
  const client = new Client({ name: 'slm-bench', version: '0.0.0' });
  try {
    await client.connect(transport);
    const call = async (name: string, args: Record<string, unknown>) => {
      const result = await client.callTool({ name, arguments: args });
      if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
      return result.structuredContent as Record<string, unknown>;
    };
    progress(`mcp: ingesting ${episodes} episodes over stdio …`);
    const next = random(17);
    const ingestCalls: number[] = [];
    const timed = async (name: string, args: Record<string, unknown>) => {
      const started = performance.now();
      const result = await call(name, args);
      ingestCalls.push((performance.now() - started) * 1_000);
      return result;
    };
    const ingestStarted = performance.now();
    for (let index = 0; index < episodes; index++) {
      const task = taskInput(next);
      const created = await timed('create_episode', {
        task_description: task.taskDescription,
        domain: task.context?.domain ?? 'general',
        task_type: task.taskType,
        language: task.context?.language,
      });
      for (const step of steps(STEPS_PER_EPISODE, next)) {
        await timed('add_episode_step', {
          episode_id: created['episode_id'],
          step_number: step.stepNumber,
          tool: step.tool,
          action: step.action,
          result: step.result,
        });
      }
      const end = outcome(next);
      await timed('complete_episode', {
        episode_id: created['episode_id'],
        outcome_type: end.type,
        ...(end.type === 'failure' ? { reason: end.reason } : { verdict: 'done' }),
      });
    }
    const ingestSeconds = (performance.now() - ingestStarted) / 1_000;
    progress(`mcp: ${queries} query_memory calls …`);
    const queryCalls: number[] = [];
    const queryStarted = performance.now();
    for (let index = 0; index < queries; index++) {
      const started = performance.now();
      await call('query_memory', { query: queryText(next), limit: 5 });
      queryCalls.push((performance.now() - started) * 1_000);
    }
    return {
      episodes,
      queries,
      ingestSeconds,
      ingestCall: summarise(ingestCalls),
      querySeconds: (performance.now() - queryStarted) / 1_000,
      query: summarise(queryCalls),
    };
  } finally {
    await client.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
