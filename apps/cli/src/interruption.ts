/** Thrown at a safe point (between records or batches) after Ctrl-C. */
export class InterruptedError extends Error {
  constructor(message = 'interrupted') {
    super(message);
    this.name = 'InterruptedError';
  }
}

export interface InterruptWatch {
  /** Aborted by the first Ctrl-C; long work checks it at its safe points. */
  signal: AbortSignal;
  /** Throws `InterruptedError` once Ctrl-C was pressed. */
  throwIfInterrupted(): void;
  dispose(): void;
}

/**
 * Ctrl-C for long commands: the first SIGINT asks the work to stop at its next safe point (nothing is left
 * half-written), a second one exits at once with 130.
 */
export function watchInterrupts(stderr: { write(text: string): unknown }, safePoint: string): InterruptWatch {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) {
      stderr.write('\ninterrupted again: exiting now\n');
      process.exit(130);
    }
    stderr.write(`\nstopping ${safePoint} (Ctrl-C again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  return {
    signal: controller.signal,
    throwIfInterrupted() {
      if (controller.signal.aborted) throw new InterruptedError();
    },
    dispose() {
      process.off('SIGINT', onSignal);
    },
  };
}
