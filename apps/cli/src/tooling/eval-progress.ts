import type { Progress } from '../output/progress-bar.js';

/** Variants the harness measures: lexical only, vector only, fused, full — plus five with `--signals`. */
const VARIANTS = 4;
const SIGNAL_VARIANTS = 5;

/**
 * Turns the harness's progress messages (`variant full …`, `  ingested 100/500 episodes`, `learning curve …`,
 * `  round 2: 0.61`) into a bar over its phases: one step per variant (ingesting counts as its first half)
 * and one per learning-curve round.
 */
export function evalProgressReporter(
  progress: Progress,
  options: { signals: boolean; rounds: number },
): (message: string) => void {
  const variants = VARIANTS + (options.signals ? SIGNAL_VARIANTS : 0);
  let variant = -1;
  let phase = 'loading';
  return (message) => {
    const started = /^variant (\S+)/.exec(message);
    const ingested = /ingested (\d+)\/(\d+)/.exec(message);
    const round = /^\s*round (\d+)/.exec(message);
    let done: number;
    if (started) {
      variant++;
      phase = `variant ${started[1]}`;
      done = variant;
    } else if (ingested) {
      done = Math.max(0, variant) + (0.5 * Number(ingested[1])) / Math.max(1, Number(ingested[2]));
    } else if (message.startsWith('learning curve')) {
      phase = 'learning curve';
      done = variants;
    } else if (round) {
      phase = `learning curve, round ${round[1]} done`;
      done = variants + Number(round[1]);
    } else {
      return;
    }
    progress.update(done, phase);
  };
}

export function evalProgressTotal(options: { signals: boolean; rounds: number }): number {
  return VARIANTS + (options.signals ? SIGNAL_VARIANTS : 0) + options.rounds;
}
