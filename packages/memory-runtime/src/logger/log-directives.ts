import { MemoryError } from '@slm/memory-core';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogDirectives {
  /** The level of every component without its own directive. */
  level: LogLevel;
  /** Per-component levels, keyed by package name without scope (`memory-core`, `storage-turso`, …). */
  components: Record<string, LogLevel>;
}

/**
 * Parses `LOG_LEVEL` in the seed's `RUST_LOG` style: `info`, or `info,memory-core=debug,storage-turso=warn`.
 * Component names may carry the `@slm/` scope or use underscores (`memory_core`).
 */
export function parseLogLevel(value: string): LogDirectives {
  const directives: LogDirectives = { level: 'info', components: {} };
  for (const part of value.split(',').map((piece) => piece.trim())) {
    if (part === '') continue;
    const [target, level] = part.includes('=') ? part.split('=', 2) : [undefined, part];
    const parsedLevel = asLevel(level?.trim().toLowerCase() ?? '', value);
    if (target === undefined) directives.level = parsedLevel;
    else directives.components[componentName(target)] = parsedLevel;
  }
  return directives;
}

export function componentName(name: string): string {
  return name
    .trim()
    .replace(/^@slm\//, '')
    .replace(/_/g, '-');
}

function asLevel(level: string, whole: string): LogLevel {
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new MemoryError(
    'CONFIG_INVALID',
    `unknown log level "${level}" in "${whole}"; use one of ${LOG_LEVELS.join(', ')}, e.g. info,memory-core=debug`,
    { details: { variable: 'LOG_LEVEL' } },
  );
}
