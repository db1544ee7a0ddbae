import type { ExecutionStep } from '../domain/step.js';
import { isMemoryError, type MemoryError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { StorageBackend } from '../storage/backend.js';
import type { BatchConfig } from './config.js';
import { type OpenEpisodeState, OpenEpisodes } from './open-episodes.js';
import { unrefTimer } from './timers.js';

interface PendingSteps {
  state: OpenEpisodeState;
  steps: ExecutionStep[];
  /** The flush in progress for this episode, if any; flushes of one episode never overlap. */
  flushing?: Promise<void>;
}

/**
 * Buffered steps for `batched` durability: steps are accepted at once and written by size (maxBatchSize),
 * by timer (flushIntervalMs) when autoFlush is on, before completion and on close. The loss window is the
 * buffer: a crash loses steps logged since the last flush (docs/adr/0003-durability-modes.md).
 */
export class StepBuffer {
  readonly openEpisodes: OpenEpisodes;
  private readonly pending = new Map<string, PendingSteps>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private bufferedCount = 0;
  private droppedCount = 0;

  constructor(
    private readonly storage: StorageBackend,
    private readonly batch: BatchConfig,
    private readonly logger: Logger,
  ) {
    this.openEpisodes = new OpenEpisodes(storage, (key) => (this.pending.get(key)?.steps.length ?? 0) > 0);
  }

  get size(): number {
    return this.bufferedCount;
  }

  /** Steps dropped because the store refused them for good (counted and logged, reported to the next call). */
  get dropped(): number {
    return this.droppedCount;
  }

  add(state: OpenEpisodeState, steps: readonly ExecutionStep[]): void {
    const key = OpenEpisodes.key(state.namespace, state.episodeId);
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { state, steps: [] };
      this.pending.set(key, entry);
    }
    entry.steps.push(...steps);
    this.bufferedCount += steps.length;
    if (entry.steps.length >= this.batch.maxBatchSize) void this.flushEntry(key, entry);
    else this.armTimer();
  }

  /** Buffered (not yet written) steps of an episode, for reads that must see them. */
  bufferedSteps(namespace: string, episodeId: string): readonly ExecutionStep[] {
    return this.pending.get(OpenEpisodes.key(namespace, episodeId))?.steps ?? [];
  }

  /** Writes an episode's buffered steps now; rejects when the store refuses them. */
  async flushEpisode(namespace: string, episodeId: string): Promise<void> {
    const key = OpenEpisodes.key(namespace, episodeId);
    const entry = this.pending.get(key);
    if (!entry) return;
    await this.flushEntry(key, entry, true);
  }

  /** Writes every buffered step; rejects with the first failure after trying all. */
  async flushAll(): Promise<void> {
    const results = await Promise.allSettled(
      [...this.pending.entries()].map(([key, entry]) => this.flushEntry(key, entry, true)),
    );
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw (failure as PromiseRejectedResult).reason;
  }

  /** Forgets an episode's buffer (after deletion). */
  discard(namespace: string, episodeId: string): void {
    const key = OpenEpisodes.key(namespace, episodeId);
    const entry = this.pending.get(key);
    if (entry) this.bufferedCount -= entry.steps.length;
    this.pending.delete(key);
    this.openEpisodes.forget(namespace, episodeId);
  }

  stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async flushEntry(key: string, entry: PendingSteps, rethrow = false): Promise<void> {
    while (entry.flushing) await entry.flushing.catch(() => {});
    if (entry.steps.length === 0) {
      if (this.pending.get(key) === entry) this.pending.delete(key);
      return;
    }
    const steps = entry.steps;
    entry.steps = [];
    const write = this.write(key, entry, steps);
    entry.flushing = write;
    try {
      await write;
    } catch (error) {
      if (rethrow) throw error;
    } finally {
      entry.flushing = undefined;
    }
  }

  private async write(key: string, entry: PendingSteps, steps: ExecutionStep[]): Promise<void> {
    const { namespace, episodeId } = entry.state;
    try {
      await this.storage.appendSteps(namespace, episodeId, steps);
      this.bufferedCount -= steps.length;
      if (entry.steps.length === 0 && this.pending.get(key) === entry) this.pending.delete(key);
    } catch (error) {
      if (isPermanent(error)) {
        // The store will never accept these steps (e.g. another process completed the episode).
        this.bufferedCount -= steps.length;
        this.droppedCount += steps.length;
        entry.state.failure = error as MemoryError;
        this.logger.error(
          { err: error, namespace, episodeId, steps: steps.length },
          'buffered steps refused by the store',
        );
      } else {
        // Transient: keep the steps, in order, for the next flush.
        entry.steps = [...steps, ...entry.steps];
        this.logger.warn(
          { err: error, namespace, episodeId, steps: steps.length },
          'flushing buffered steps failed; will retry',
        );
        this.armTimer();
      }
      throw error;
    }
  }

  private armTimer(): void {
    if (!this.batch.autoFlush || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flushAll().catch(() => {});
    }, this.batch.flushIntervalMs);
    unrefTimer(this.timer);
  }
}

function isPermanent(error: unknown): boolean {
  return isMemoryError(error) && ['CONFLICT', 'NOT_FOUND', 'VALIDATION_FAILED'].includes(error.code);
}
