import { createHash } from 'node:crypto';

/**
 * The part of a node-redis client the cache uses; `createClient()` satisfies it, so an application can pass
 * its own client.
 */
export interface RedisCommandClient {
  readonly isReady: boolean;
  sendCommand(args: ReadonlyArray<string>, options?: { timeout?: number }): Promise<unknown>;
}

/**
 * Sends commands with a timeout on every call and refuses at once while the client is not connected, so a
 * cache call never waits in an offline queue (the caller goes to the durable store instead).
 */
export class RedisCommands {
  readonly #client: RedisCommandClient;
  readonly #shas = new Map<string, string>();
  #firstConnection: Promise<void> | undefined;
  readonly #startupDeadline: number;

  /**
   * `firstConnection`: calls made within `startupGraceMs` of creation wait for it (a writer whose
   * invalidations fail while other processes read would let them see stale entries). Later, an offline
   * client fails fast.
   */
  constructor(client: RedisCommandClient, firstConnection?: Promise<void>, startupGraceMs = 2_000) {
    this.#client = client;
    this.#firstConnection = firstConnection;
    this.#startupDeadline = Date.now() + startupGraceMs;
    firstConnection?.then(() => {
      this.#firstConnection = undefined;
    });
  }

  async send<T>(args: readonly string[], timeoutMs: number): Promise<T> {
    const graceLeft = this.#startupDeadline - Date.now();
    if (!this.#client.isReady && this.#firstConnection && graceLeft > 0) {
      await settledWithin(this.#firstConnection, graceLeft);
    }
    if (!this.#client.isReady) throw new Error('redis is not connected');
    // node-redis's own `timeout` stops counting once a command is written, so a Redis that has stopped
    // answering would hang the call: the timer here bounds the whole round trip.
    const reply = this.#client.sendCommand(args, { timeout: timeoutMs });
    return (await rejectAfter(reply, timeoutMs, args[0] ?? 'command')) as T;
  }

  /** EVALSHA, loading the script with EVAL when the server does not know it (first use, after a restart). */
  async evaluate<T>(
    script: string,
    keys: readonly string[],
    args: readonly string[],
    timeoutMs: number,
  ): Promise<T> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await this.send<T>(['EVALSHA', this.#sha(script), ...tail], timeoutMs);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) throw error;
      return this.send<T>(['EVAL', script, ...tail], timeoutMs);
    }
  }

  #sha(script: string): string {
    let sha = this.#shas.get(script);
    if (!sha) {
      sha = createHash('sha1').update(script).digest('hex');
      this.#shas.set(script, sha);
    }
    return sha;
  }
}

function settledWithin(promise: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function rejectAfter<T>(promise: Promise<T>, timeoutMs: number, command: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`redis ${command} timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  // A reply or error arriving after the timeout is dropped, never unhandled.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
