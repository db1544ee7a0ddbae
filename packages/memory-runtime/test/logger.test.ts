import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { componentLogger, createLogger, parseLogLevel } from '../src/index.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('LOG_LEVEL directives', () => {
  it('parses a base level and per-component levels', () => {
    expect(parseLogLevel('warn')).toEqual({ level: 'warn', components: {} });
    expect(parseLogLevel('info,@slm/memory-core=debug,storage_turso=error')).toEqual({
      level: 'info',
      components: { 'memory-core': 'debug', 'storage-turso': 'error' },
    });
    expect(() => parseLogLevel('verbose')).toThrow(/unknown log level "verbose"/);
  });

  it('gives each component its own level', () => {
    const { lines, stream } = capture();
    const root = createLogger(
      { level: 'info,memory-core=debug,storage-turso=warn', format: 'json' },
      { destination: stream },
    );
    componentLogger(root, 'memory-core').debug({}, 'core detail');
    componentLogger(root, 'storage-turso').info({}, 'turso chatter');
    componentLogger(root, 'memory-service').debug({}, 'service detail');
    componentLogger(root, 'memory-service').info({}, 'service started');
    expect(lines.map((line) => line['msg'])).toEqual(['core detail', 'service started']);
    expect(lines[0]).toMatchObject({ component: 'memory-core' });
  });
});

describe('redaction', () => {
  it('never writes tokens, keys or authorization headers', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', format: 'json' }, { destination: stream });
    logger.info(
      {
        config: { authToken: 'tok-1', apiKey: 'key-2', redisUrl: 'redis://:pw-3@h' },
        req: { headers: { authorization: 'Bearer key-4' } },
        apiKeys: 'key-5:ns',
      },
      'started',
    );
    const text = JSON.stringify(lines);
    for (const secret of ['tok-1', 'key-2', 'pw-3', 'key-4', 'key-5']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
