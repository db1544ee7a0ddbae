import { isRecord } from './json-file.js';

/** One tool call an agent made in a run, with what the tool answered. */
export interface TauToolCall {
  name: string;
  arguments: Record<string, unknown>;
  /** The tool message's content; undefined when no answer follows the call. */
  result: string | undefined;
}

/** A recorded agent run: one trial of one task, its conversation reduced to what the harness uses. */
export interface TauRun {
  taskId: number;
  trial: number;
  reward: number;
  /** The user's first message: how this user phrased the task this time. */
  firstUserMessage: string;
  toolCalls: TauToolCall[];
}

/** Parses a run file (`[{ task_id, trial, reward, traj: [messages] }]`). */
export function parseTauRuns(value: unknown, source: string): TauRun[] {
  if (!Array.isArray(value)) throw new Error(`${source}: expected an array of runs`);
  return value.map((item, index) => {
    const where = `${source}[${index}]`;
    if (!isRecord(item)) throw new Error(`${where}: expected an object`);
    const { task_id: taskId, trial, reward, traj } = item;
    if (typeof taskId !== 'number' || typeof trial !== 'number' || typeof reward !== 'number') {
      throw new Error(`${where}: expected numeric task_id, trial and reward`);
    }
    if (!Array.isArray(traj)) throw new Error(`${where}.traj: expected an array of messages`);
    const messages = traj.filter(isRecord);
    const firstUser = messages.find(
      (message) => message['role'] === 'user' && typeof message['content'] === 'string',
    );
    if (!firstUser) throw new Error(`${where}.traj: no user message`);
    return {
      taskId,
      trial,
      reward,
      firstUserMessage: firstUser['content'] as string,
      toolCalls: toolCallsOf(messages),
    };
  });
}

/** The assistant's tool calls in order, each joined to the `tool` message answering it (by call id). */
export function toolCallsOf(messages: readonly Record<string, unknown>[]): TauToolCall[] {
  const answers = new Map<string, string>();
  for (const message of messages) {
    if (message['role'] === 'tool' && typeof message['tool_call_id'] === 'string') {
      answers.set(message['tool_call_id'], typeof message['content'] === 'string' ? message['content'] : '');
    }
  }
  const calls: TauToolCall[] = [];
  for (const message of messages) {
    if (message['role'] !== 'assistant' || !Array.isArray(message['tool_calls'])) continue;
    for (const call of message['tool_calls']) {
      if (!isRecord(call) || !isRecord(call['function'])) continue;
      const fn = call['function'];
      if (typeof fn['name'] !== 'string' || fn['name'] === '') continue;
      const id = typeof call['id'] === 'string' ? call['id'] : undefined;
      calls.push({
        name: fn['name'],
        arguments: parseArguments(fn['arguments']),
        result: id === undefined ? undefined : answers.get(id),
      });
    }
  }
  return calls;
}

/** Tool arguments arrive as a JSON string; keep unparsable ones verbatim rather than dropping the call. */
function parseArguments(value: unknown): Record<string, unknown> {
  if (isRecord(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) ? parsed : { value: parsed };
  } catch {
    return { raw: value };
  }
}
