/**
 * The logging port. pino's logger satisfies it structurally: `logger.info({ episodeId }, 'episode completed')`.
 * Errors go under `err`.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const ignore = (): void => {};

/** The default: logs nothing. */
export const noopLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
