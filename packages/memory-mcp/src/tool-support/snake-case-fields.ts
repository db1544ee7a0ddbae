const CAMEL_CASE_WORD = /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g;

/**
 * Rewrites camelCase field names in a core message as the snake_case argument names MCP callers use
 * (`taskDescription` → `task_description`), so the message names the argument to fix.
 */
export function snakeCaseFields(message: string): string {
  return message.replace(CAMEL_CASE_WORD, (word) =>
    word.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
  );
}
