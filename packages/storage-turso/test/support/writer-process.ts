// A separate process that writes to a database file, for the multi-process and crash tests. Run with
// `node --conditions=source --import tsx writer-process.ts <json options>`; reports on stdout, one JSON line
// per event (stdout to a pipe is synchronous on Linux, so a printed acknowledgement really happened).
import { createTursoStorage } from '../../src/index.js';
import { episode, heuristicContribution, NS, patternContribution, step } from './fixtures.js';

interface Options {
  url: string;
  mode: 'contribute' | 'log-steps';
  /** contribute: contributions per process (same pattern and heuristic key in every process). */
  contributions?: number;
  /** log-steps: concurrent writers, each on its own episode. */
  writers?: number;
  dimensions: number;
}

const options = JSON.parse(process.argv[2]!) as Options;
const storage = await createTursoStorage({ url: options.url, embeddingDimensions: options.dimensions });
const print = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);

if (options.mode === 'contribute') {
  const total = options.contributions ?? 100;
  const own = episode();
  await storage.insertEpisode(own);
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: total }, async (_, index) => {
      try {
        await storage.upsertPatterns([patternContribution({ successes: index % 2 })]);
        await storage.upsertHeuristics([heuristicContribution()]);
        await storage.appendSteps(NS, own.id, [step(index + 1)]);
      } catch (error) {
        errors.push(error instanceof Error ? `${error.message} ${String(error.cause)}` : String(error));
      }
    }),
  );
  print({ done: true, episodeId: own.id, errors, writes: storage.writeStatistics() });
  await storage.close();
} else {
  const writers = options.writers ?? 64;
  const episodes = Array.from({ length: writers }, () => episode());
  await Promise.all(episodes.map((record) => storage.insertEpisode(record)));
  print({ ready: true });
  await Promise.all(
    episodes.map(async (record) => {
      for (let number = 1; number <= 1_000; number++) {
        await storage.appendSteps(NS, record.id, [step(number)]);
        print({ ack: record.id, step: number });
      }
    }),
  );
  print({ finished: true });
}
