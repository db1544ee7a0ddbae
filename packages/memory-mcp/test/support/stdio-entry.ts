// The stdio server as a process, for tests: a memory on the libSQL file named by SLM_TEST_DATABASE_URL,
// logging JSON lines to stderr at debug level (so a test can see logs went there and not to stdout).
import { createMemory, type Logger } from '@slm/memory-core';
import { createTursoStorage } from '@slm/storage-turso';
import { runStdioServer } from '../../src/index.js';
import { EMBEDDING_DIMENSIONS } from './test-memory.js';

const write =
  (level: string) =>
  (fields: Record<string, unknown>, message: string): void => {
    const err = fields['err'] instanceof Error ? { message: fields['err'].message } : fields['err'];
    process.stderr.write(`${JSON.stringify({ level, message, ...fields, err })}\n`);
  };
const logger: Logger = {
  debug: write('debug'),
  info: write('info'),
  warn: write('warn'),
  error: write('error'),
};

const url = process.env['SLM_TEST_DATABASE_URL'];
if (!url) throw new Error('SLM_TEST_DATABASE_URL is required');
const storage = await createTursoStorage({ url, embeddingDimensions: EMBEDDING_DIMENSIONS });
const memory = await createMemory({ storage, logger });
const server = await runStdioServer(memory, { logger });
await server.closed;
await memory.close();
