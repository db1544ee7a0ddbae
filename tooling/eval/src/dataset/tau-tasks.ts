import { isRecord } from './json-file.js';

/** One gold tool call of a τ-bench task. */
export interface TauAction {
  name: string;
  kwargs: Record<string, unknown>;
}

/** A τ-bench task: what the user wants and the gold actions that achieve it. */
export interface TauTask {
  instruction: string;
  userId: string;
  actions: TauAction[];
}

/** Parses a task file (a JSON array of `{ instruction, user_id, actions: [{ name, kwargs }] }`). */
export function parseTauTasks(value: unknown, source: string): TauTask[] {
  if (!Array.isArray(value)) throw new Error(`${source}: expected an array of tasks`);
  return value.map((item, index) => {
    const where = `${source}[${index}]`;
    if (!isRecord(item)) throw new Error(`${where}: expected an object`);
    const { instruction, user_id: userId, actions } = item;
    if (typeof instruction !== 'string' || instruction.trim() === '') {
      throw new Error(`${where}.instruction: expected a non-empty string`);
    }
    if (!Array.isArray(actions)) throw new Error(`${where}.actions: expected an array`);
    return {
      instruction,
      userId: typeof userId === 'string' ? userId : '',
      actions: actions.map((action, position) => parseAction(action, `${where}.actions[${position}]`)),
    };
  });
}

function parseAction(value: unknown, where: string): TauAction {
  if (!isRecord(value) || typeof value['name'] !== 'string' || value['name'] === '') {
    throw new Error(`${where}: expected { name, kwargs }`);
  }
  const kwargs = value['kwargs'];
  return { name: value['name'], kwargs: isRecord(kwargs) ? kwargs : {} };
}
