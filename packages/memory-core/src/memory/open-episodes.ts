import type { Episode } from '../domain/episode.js';
import { type ExecutionStep, stepFingerprint } from '../domain/step.js';
import { MemoryError } from '../errors.js';
import type { StorageBackend } from '../storage/backend.js';
import { notFound } from './validation.js';

/** What this process knows about an open episode it logs steps for in `batched` mode. */
export interface OpenEpisodeState {
  namespace: string;
  episodeId: string;
  /** Stored and buffered steps by step number (fingerprinted only when a number is logged again). */
  steps: Map<number, ExecutionStep>;
  /** Set once completion starts: later steps are refused. */
  closing: boolean;
  /** A flush that the store refused for good (e.g. CONFLICT from another process); reported to the next call. */
  failure?: MemoryError;
}

const MAX_TRACKED = 10_000;

/**
 * The open episodes this process buffers steps for, loaded from storage on first use (so logging works after
 * a restart) and bounded: the least recently used idle entries are forgotten first.
 */
export class OpenEpisodes {
  private readonly states = new Map<string, OpenEpisodeState>();
  private readonly loading = new Map<string, Promise<OpenEpisodeState>>();

  constructor(
    private readonly storage: StorageBackend,
    private readonly hasBufferedSteps: (key: string) => boolean,
  ) {}

  static key(namespace: string, episodeId: string): string {
    return `${namespace}\u0000${episodeId}`;
  }

  /** The state of an open episode if this process already tracks it (the hot path: no promise to await). */
  known(namespace: string, episodeId: string): OpenEpisodeState | undefined {
    const key = OpenEpisodes.key(namespace, episodeId);
    const known = this.states.get(key);
    if (known) {
      this.states.delete(key);
      this.states.set(key, known);
    }
    return known;
  }

  /** The state of an open episode, loading it on first use; NOT_FOUND or CONFLICT (completed) otherwise. */
  async get(namespace: string, episodeId: string): Promise<OpenEpisodeState> {
    const known = this.known(namespace, episodeId);
    if (known) return known;
    const key = OpenEpisodes.key(namespace, episodeId);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(namespace, episodeId).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  forget(namespace: string, episodeId: string): void {
    this.states.delete(OpenEpisodes.key(namespace, episodeId));
  }

  private async load(namespace: string, episodeId: string): Promise<OpenEpisodeState> {
    const episode = await this.storage.getEpisode(namespace, episodeId);
    if (!episode) throw notFound('episode', episodeId);
    if (episode.endedAt !== undefined) throw completedConflict(episode);
    const state: OpenEpisodeState = {
      namespace,
      episodeId,
      steps: new Map(episode.steps.map((step) => [step.stepNumber, step])),
      closing: false,
    };
    this.states.set(OpenEpisodes.key(namespace, episodeId), state);
    this.evictIdle();
    return state;
  }

  private evictIdle(): void {
    if (this.states.size <= MAX_TRACKED) return;
    for (const [key] of this.states) {
      if (this.states.size <= MAX_TRACKED) return;
      if (!this.hasBufferedSteps(key)) this.states.delete(key);
    }
  }
}

export function completedConflict(episode: Pick<Episode, 'id'>): MemoryError {
  return new MemoryError('CONFLICT', `episode ${episode.id} is completed: steps can no longer be logged`, {
    details: { episodeId: episode.id },
  });
}

/**
 * Checks new steps against the known ones: identical content is a no-op, different content for a known step
 * number is a CONFLICT. Returns the steps that are new, without recording them. Fingerprints are computed only
 * when a step number repeats, so the common append pays nothing for them.
 */
export function newStepsAgainst(
  known: ReadonlyMap<number, ExecutionStep>,
  steps: readonly ExecutionStep[],
  episodeId: string,
): ExecutionStep[] {
  const fresh: ExecutionStep[] = [];
  const seen = steps.length > 1 ? new Map<number, ExecutionStep>() : undefined;
  for (const step of steps) {
    const previous = known.get(step.stepNumber) ?? seen?.get(step.stepNumber);
    if (previous === undefined) {
      seen?.set(step.stepNumber, step);
      fresh.push(step);
    } else if (stepFingerprint(previous) !== stepFingerprint(step)) {
      throw new MemoryError(
        'CONFLICT',
        `step ${step.stepNumber} of episode ${episodeId} was already logged with different content`,
        { details: { episodeId, stepNumber: step.stepNumber } },
      );
    }
  }
  return fresh;
}
