import { MemoryError } from '@slm/memory-core';

/**
 * Parses `.env` text (the `--config FILE` format): `NAME=value` lines, `#` comments, blank lines, an optional
 * `export ` prefix, values optionally in single or double quotes (double quotes understand `\n`). A line that
 * is none of these is an error naming its line number, never silently skipped.
 */
export function parseEnvFile(text: string, source = 'config file'): Record<string, string> {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      problems.push(`line ${index + 1}: expected NAME=value`);
      return;
    }
    const [, name = '', value = ''] = match;
    values[name] = unquote(value);
  });
  if (problems.length > 0) {
    throw new MemoryError('CONFIG_INVALID', `${source} is not in .env format: ${problems.join('; ')}`, {
      details: { source, problems },
    });
  }
  return values;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
  }
  // An unquoted value ends at an inline comment.
  return value.replace(/\s+#.*$/, '').trim();
}
