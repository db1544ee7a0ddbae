import { describe, expect, it } from 'vitest';
import { faultPlan, injectFaults } from './support/faults.js';
import { episode, NS, patternContribution, step } from './support/fixtures.js';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

// A 10 % fault rate fails an attempt of a small transaction more often than not once the connection's pragmas
// are re-asserted after a reconnect (~8 calls: 1 − 0.9⁸ ≈ 0.57), so these runs allow far more retries than the
// default 3 (sized for rare transient errors): 0.57³¹ ≈ 3·10⁻⁸ per transaction. With 12, 0.57¹³ ≈ 7·10⁻⁴ per
// transaction made it a real chance that one of the run's few hundred transactions exhausted them.
const RESILIENT = { maxRetries: 30, retryBaseDelayMs: 1, retryMaxDelayMs: 20, enablePooling: true };

describe('transient faults', () => {
  it('every operation succeeds through retries when 10 % of libSQL calls fail (busy, dropped connection)', async () => {
    const plan = faultPlan(0.1, Number(process.env['FAULT_SEED'] ?? 7));
    const storage = await temp.open(
      temp.directory().databaseUrl(),
      { turso: RESILIENT },
      { wrapClient: injectFaults(plan) },
    );
    const episodes = Array.from({ length: 30 }, () => episode());
    await Promise.all(episodes.map((record) => storage.insertEpisode(record)));
    await Promise.all(
      episodes.map(async (record) => {
        for (let number = 1; number <= 8; number++) {
          await storage.appendSteps(NS, record.id, [step(number)]);
          expect((await storage.getEpisode(NS, record.id))?.steps).toHaveLength(number);
        }
      }),
    );
    await Promise.all(Array.from({ length: 60 }, () => storage.upsertPatterns([patternContribution()])));
    const listed = await storage.listEpisodes(NS, {}, { limit: 100 });

    plan.enabled = false;
    expect(listed.items).toHaveLength(30);
    expect(listed.items.every((item) => item.steps.length === 8)).toBe(true);
    expect((await storage.listPatterns(NS, {})).items[0]?.stats.occurrences).toBe(60);
    expect(plan.injected.busy).toBeGreaterThan(10);
    expect(plan.injected.dropped).toBeGreaterThan(10);
    expect(storage.writeStatistics().retries).toBeGreaterThan(0);
    // Dropped connections are followed by a health probe before the retry.
    expect(storage.poolStatistics().healthChecks.run).toBeGreaterThan(0);
  });

  it('never retries a constraint error: a duplicate episode is attempted once and fails with CONFLICT', async () => {
    const plan = faultPlan(0);
    const storage = await temp.open(temp.directory().databaseUrl(), {}, { wrapClient: injectFaults(plan) });
    const record = episode();
    await storage.insertEpisode(record);
    const attemptsBefore = plan.executed.filter((sql) => sql.startsWith('INSERT INTO episodes')).length;
    await expect(storage.insertEpisode(record)).rejects.toMatchObject({ code: 'CONFLICT' });
    const attempts =
      plan.executed.filter((sql) => sql.startsWith('INSERT INTO episodes')).length - attemptsBefore;
    expect(attempts).toBe(1);
    expect(storage.writeStatistics().retries).toBe(0);
  });

  it('gives up after maxRetries with STORAGE_FAILED (never an empty result) when faults persist', async () => {
    const plan = faultPlan(0);
    const storage = await temp.open(
      temp.directory().databaseUrl(),
      { turso: { maxRetries: 2, retryBaseDelayMs: 1, retryMaxDelayMs: 2 } },
      { wrapClient: injectFaults(plan) },
    );
    const record = episode();
    await storage.insertEpisode(record);
    plan.rate = 1;
    await expect(storage.getEpisode(NS, record.id)).rejects.toMatchObject({
      name: 'MemoryError',
      code: 'STORAGE_FAILED',
    });
    await expect(storage.insertEpisode(episode())).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    plan.rate = 0;
    expect((await storage.getEpisode(NS, record.id))?.id).toBe(record.id);
  });
});
