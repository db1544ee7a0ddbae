import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { componentName, type LogDirectives, parseLogLevel } from './log-directives.js';

export type RuntimeLogger = PinoLogger;

/** Field paths never written to a log line (tokens, keys, passwords, credentials in headers). */
export const REDACTED_PATHS = [
  'authToken',
  'apiKey',
  'apiKeys',
  'password',
  'token',
  'redisUrl',
  '*.authToken',
  '*.apiKey',
  '*.apiKeys',
  '*.password',
  '*.token',
  '*.redisUrl',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

export interface CreateLoggerOptions {
  /** File descriptor or stream to write to. Default 1 (stdout); `memory-mcp` passes 2 (stdout is the protocol). */
  destination?: number | DestinationStream;
  /** The binary's name, in every line as `name`. */
  name?: string;
}

const directivesOf = new WeakMap<PinoLogger, LogDirectives>();

/**
 * The binaries' root logger: JSON lines (or pretty for humans), secrets redacted, the base level of `LOG_LEVEL`.
 * Components get their own level through `componentLogger`.
 */
export function createLogger(log: RuntimeConfig['log'], options: CreateLoggerOptions = {}): RuntimeLogger {
  const directives = parseLogLevel(log.level);
  const destination = options.destination ?? 1;
  const stream =
    log.format === 'pretty'
      ? pinoPretty({ destination: typeof destination === 'number' ? destination : undefined, sync: true })
      : typeof destination === 'number'
        ? pino.destination({ dest: destination, sync: true })
        : destination;
  // The root is as verbose as its most verbose component; each child filters to its own level.
  const logger = pino(
    {
      level: mostVerbose(directives),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      ...(options.name ? { name: options.name } : {}),
    },
    stream,
  );
  directivesOf.set(logger, directives);
  return logger;
}

/** A child logger for one package (`memory-core`, `storage-turso`, …) at the level its directive gives. */
export function componentLogger(root: RuntimeLogger, component: string): RuntimeLogger {
  const name = componentName(component);
  const directives = directivesOf.get(root);
  const level = directives?.components[name] ?? directives?.level ?? root.level;
  return root.child({ component: name }, { level });
}

const ORDER = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

function mostVerbose(directives: LogDirectives): string {
  const levels = [directives.level, ...Object.values(directives.components)];
  return levels.reduce((best, level) => (ORDER.indexOf(level) < ORDER.indexOf(best) ? level : best));
}
