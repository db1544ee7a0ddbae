import { writeFileSync } from 'node:fs';
import { createTempDirectory } from '@slm/vitest-config/temp';
import { afterEach, describe, expect, it } from 'vitest';
import { describeConfig, loadConfig, parseEnvFile } from '../src/index.js';

const directories: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const directory of directories.splice(0)) directory.remove();
});

function configFile(text: string): string {
  const directory = createTempDirectory('slm-config-');
  directories.push(directory);
  const path = `${directory.path}/staging.env`;
  writeFileSync(path, text);
  return path;
}

function problemsOf(run: () => unknown): Array<{ variable: string; message: string }> {
  try {
    run();
  } catch (error) {
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    return (error as { details: { problems: Array<{ variable: string; message: string }> } }).details
      .problems;
  }
  throw new Error('expected a CONFIG_INVALID error');
}

describe('loadConfig', () => {
  it('runs on the embedded default with nothing set', () => {
    const config = loadConfig({ env: {} });
    expect(config.database).toMatchObject({
      url: 'file:./data/memory.db',
      maxConnections: 10,
      connectionTimeoutMs: 5000,
      readThreads: 2,
    });
    expect(config.cache).toEqual({ redisUrl: undefined, maxEpisodes: 1000, ttlSeconds: 1800 });
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 8080, apiKeys: undefined });
    expect(config.memory).toEqual({
      namespace: 'default',
      durability: 'durable',
      batchSize: 50,
      flushIntervalMs: 5000,
    });
    expect(config.embeddings).toMatchObject({ provider: 'local', dimensions: 384 });
    expect(config.log).toEqual({ level: 'info', format: 'json' });
  });

  it('takes flags over the environment over the config file over defaults', () => {
    const file = configFile(
      'PORT=7000\nHOST=127.0.0.2\nMEMORY_BATCH_SIZE=20\n# a comment\nexport LOG_FORMAT="pretty"\n',
    );
    const config = loadConfig({
      flags: { PORT: '9000' },
      env: { PORT: '8000', HOST: '127.0.0.3' },
      configFile: file,
    });
    expect(config.server.port).toBe(9000);
    expect(config.server.host).toBe('127.0.0.3');
    expect(config.memory.batchSize).toBe(20);
    expect(config.log.format).toBe('pretty');
    expect(config.memory.flushIntervalMs).toBe(5000);
  });

  it("accepts the seed's REDB_MAX_CACHE_SIZE as an alias, below the new name", () => {
    expect(loadConfig({ env: { REDB_MAX_CACHE_SIZE: '250' } }).cache.maxEpisodes).toBe(250);
    expect(
      loadConfig({ env: { REDB_MAX_CACHE_SIZE: '250', MEMORY_CACHE_MAX_EPISODES: '500' } }).cache.maxEpisodes,
    ).toBe(500);
  });

  it('reports every bad variable at once, naming each', () => {
    const problems = problemsOf(() =>
      loadConfig({
        env: {
          PORT: 'eighty',
          MEMORY_DURABILITY: 'sometimes',
          TURSO_DATABASE_URL: 'http://db.example.com',
          MEMORY_EMBEDDINGS: 'openai-compatible',
          LOG_LEVEL: 'info,memory-core=loud',
        },
      }),
    );
    expect(problems.map((problem) => problem.variable).sort()).toEqual([
      'EMBEDDINGS_BASE_URL',
      'EMBEDDINGS_MODEL',
      'LOG_LEVEL',
      'MEMORY_DURABILITY',
      'PORT',
      'TURSO_DATABASE_URL',
    ]);
    expect(problems.find((problem) => problem.variable === 'PORT')?.message).toContain('"eighty"');
  });

  it('requires a token for libsql:// and never echoes secrets', () => {
    expect(problemsOf(() => loadConfig({ env: { TURSO_DATABASE_URL: 'libsql://db.turso.io' } }))).toEqual([
      expect.objectContaining({
        variable: 'TURSO_AUTH_TOKEN',
        message: expect.stringContaining('libsql://'),
      }),
    ]);
    const secret = 'p4ss-w0rd-secret';
    const problems = problemsOf(() => loadConfig({ env: { REDIS_URL: `http://user:${secret}@cache:6379` } }));
    expect(problems).toEqual([expect.objectContaining({ variable: 'REDIS_URL' })]);
    expect(JSON.stringify(problems)).not.toContain(secret);
  });

  it('refuses a config file with unknown variables or lines that are not NAME=value', () => {
    const problems = problemsOf(() => loadConfig({ env: {}, configFile: configFile('PROT=8080\n') }));
    expect(problems).toEqual([{ variable: 'PROT', message: expect.stringContaining('unknown variable') }]);
    expect(
      problemsOf(() => loadConfig({ env: {}, configFile: configFile('PORT 8080\n') }))[0]?.message,
    ).toContain('line 1');
    expect(problemsOf(() => loadConfig({ env: {}, configFile: '/nonexistent/x.env' }))[0]?.variable).toBe(
      '--config',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ env: { PORT: '', REDIS_URL: '' } }).server.port).toBe(8080);
  });

  it('describes the configuration without secrets', () => {
    const config = loadConfig({
      env: {
        TURSO_DATABASE_URL: 'libsql://db.turso.io',
        TURSO_AUTH_TOKEN: 'token-123',
        REDIS_URL: 'redis://app:hunter2@cache:6379',
        MEMORY_API_KEYS: 'key-abc:team',
      },
    });
    const text = JSON.stringify(describeConfig(config));
    for (const secret of ['token-123', 'hunter2', 'key-abc']) expect(text).not.toContain(secret);
    expect(text).toContain('redis://app:[redacted]@cache:6379');
  });
});

describe('parseEnvFile', () => {
  it('reads quotes, export prefixes and inline comments', () => {
    expect(parseEnvFile('A="x y"\nexport B=\'z\'\nC=1 # note\nD="a\\nb"\n')).toEqual({
      A: 'x y',
      B: 'z',
      C: '1',
      D: 'a\nb',
    });
  });
});
