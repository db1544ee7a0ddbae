import autocannon, { type AutocannonResult } from 'autocannon';
import type { FilledFile } from '../libsql/filled-file.js';
import { random, retrievalQuery, steps, taskInput } from '../workload.js';
import { builtBinary, startService } from './spawn-binary.js';

export interface LoadResult {
  name: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

export interface HttpResults {
  episodes: number;
  logSteps: LoadResult;
  retrieve: LoadResult;
  command: string;
}

const DURATION_SECONDS = 10;
/** Episodes the step load is spread over (an episode holds at most 1,000 steps). */
const STEP_EPISODES = 400;

/**
 * The service under autocannon on loopback: the built `memory-service` binary on a libSQL file holding
 * imported episodes (step logging adds its own episodes after retrieval was measured), default configuration (durable mode, in-process
 * cache), rate limit off. The load generator runs on the same 2-core machine as the service.
 */
export async function benchHttp(
  filled: FilledFile,
  progress: (message: string) => void,
): Promise<HttpResults> {
  const binary = builtBinary('packages/memory-service/dist/main.js');
  const service = await startService(binary, {
    TURSO_DATABASE_URL: `file:${filled.file}`,
    MEMORY_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
  });
  try {
    // Retrieval first, over exactly the imported episodes; step logging then adds its own episodes.
    progress('http: retrieve …');
    const retrieve = await loadRetrieve(service.url);
    progress('http: log steps …');
    const logSteps = await loadLogSteps(service.url);
    return {
      episodes: filled.episodes,
      logSteps,
      retrieve,
      command: `autocannon from tooling/bench/src/service/http-bench.ts, ${DURATION_SECONDS} s per route`,
    };
  } finally {
    await service.stop();
  }
}

async function loadLogSteps(url: string): Promise<LoadResult> {
  const next = random(11);
  const ids: string[] = [];
  for (let index = 0; index < STEP_EPISODES; index++) {
    const response = await fetch(`${url}/v1/episodes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(taskInput(next)),
    });
    const { episode } = (await response.json()) as { episode: { id: string } };
    ids.push(episode.id);
  }
  let sent = 0;
  const connections = 32;
  const result = await autocannon({
    url,
    connections,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Every request logs a new step: episodes in turn, step numbers counting up in each.
        setupRequest: (request) => {
          const episode = sent % STEP_EPISODES;
          const stepNumber = Math.floor(sent / STEP_EPISODES) + 1;
          sent += 1;
          const [step] = steps(1, next, stepNumber);
          return { ...request, path: `/v1/episodes/${ids[episode]}/steps`, body: JSON.stringify(step) };
        },
      },
    ],
  });
  return summarise('POST /v1/episodes/:id/steps (one step, durable)', connections, result);
}

async function loadRetrieve(url: string): Promise<LoadResult> {
  const next = random(13);
  const connections = 16;
  const result = await autocannon({
    url,
    connections,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/v1/retrieve',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(retrievalQuery(next)) }),
      },
    ],
  });
  return summarise('POST /v1/retrieve (limit 5)', connections, result);
}

function summarise(name: string, connections: number, result: AutocannonResult): LoadResult {
  return {
    name,
    connections,
    durationSeconds: result.duration,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
