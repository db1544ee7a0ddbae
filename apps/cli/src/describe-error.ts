/**
 * An error's message followed by the messages of its causes, so that "fetch failed" says why
 * ("fetch failed: connect ECONNREFUSED 127.0.0.1:9").
 */
export function describeError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !messages.some((seen) => seen.includes(message))) messages.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join(': ');
}
