/** Escapes a literal for a Redis MATCH pattern (prefixes may hold glob characters). */
export function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}
