/**
 * τ-bench's relevance label (from the dataset's README and quality-bar.md, not from us): tools named
 * `find_*`, `get_*`, `list_*`, `calculate` or `think` only read; two tasks need the same procedure when they
 * change state through the same set of the other tools.
 */
const READ_ONLY_PREFIXES = ['find_', 'get_', 'list_'];
const READ_ONLY_NAMES = new Set(['calculate', 'think']);

export function isReadOnlyTool(name: string): boolean {
  return READ_ONLY_NAMES.has(name) || READ_ONLY_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** The procedure class of a list of tools: its state-changing tools as a sorted set ("" when it only reads). */
export function procedureSignature(tools: readonly string[]): string {
  return [...new Set(tools.filter((tool) => !isReadOnlyTool(tool)))].sort().join('+');
}
