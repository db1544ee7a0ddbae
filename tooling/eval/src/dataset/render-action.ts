const MAX_ACTION_CHARS = 300;
const MAX_VALUE_CHARS = 80;

/**
 * A short human-readable rendering of a tool call, `name(key=value, …)`, as an agent would log it: enough to
 * read what was done, bounded so that long arguments do not swamp the step text.
 */
export function renderAction(name: string, args: Record<string, unknown>): string {
  const parts = Object.entries(args).map(([key, value]) => `${key}=${renderValue(value)}`);
  return truncate(`${name}(${parts.join(', ')})`, MAX_ACTION_CHARS);
}

function renderValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return truncate(text, MAX_VALUE_CHARS);
}

export function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}
