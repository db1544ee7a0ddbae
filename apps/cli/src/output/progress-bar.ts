import type { CliIO } from '../cli-io.js';
import { formatCount, formatDuration } from './format.js';

export interface Progress {
  /** Work done so far, in the bar's unit. */
  update(done: number, phase?: string): void;
  /** Clears the bar (the summary follows on stdout). */
  finish(): void;
}

export interface ProgressState {
  label: string;
  unit: string;
  done: number;
  /** Unknown totals show the count and rate only. */
  total: number | undefined;
  elapsedMs: number;
  phase?: string;
  /** Terminal width; the line never wraps. */
  columns: number;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/**
 * A one-line progress bar with rate and ETA on stderr, redrawn at most ten times a second. Only drawn when
 * stderr is a terminal: piped or redirected stderr stays clean for logs.
 */
export function createProgress(io: CliIO, label: string, unit: string, total?: number): Progress {
  const stderr = io.stderr;
  if (!stderr.isTTY) return { update() {}, finish() {} };
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, phase) {
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      drawn = true;
      const state = { label, unit, done, total, elapsedMs: now - started, columns: stderr.columns ?? 80 };
      stderr.write(`\r${renderProgressLine(phase === undefined ? state : { ...state, phase })}\x1b[K`);
    },
    finish() {
      if (drawn) stderr.write('\r\x1b[K');
    },
  };
}

/** `export [██████░░░░]  60%  6,000/10,000 records  2,345/s  ETA 2.0 s` (pure, for tests). */
export function renderProgressLine(state: ProgressState): string {
  const seconds = state.elapsedMs / 1_000;
  const rate = seconds > 0 ? state.done / seconds : 0;
  const parts = [state.label];
  if (state.total !== undefined && state.total > 0) {
    const ratio = Math.min(1, state.done / state.total);
    const filled = Math.round(ratio * BAR_WIDTH);
    parts.push(`[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`);
    parts.push(`${String(Math.floor(ratio * 100)).padStart(3)}%`);
    parts.push(`${formatCount(state.done)}/${formatCount(state.total)} ${state.unit}`);
  } else {
    parts.push(`${formatCount(state.done)} ${state.unit}`);
  }
  parts.push(`${formatCount(rate)}/s`);
  if (state.total !== undefined && rate > 0 && state.done < state.total) {
    parts.push(`ETA ${formatDuration(((state.total - state.done) / rate) * 1_000)}`);
  }
  if (state.phase) parts.push(state.phase);
  const line = parts.join('  ');
  return line.length < state.columns ? line : line.slice(0, Math.max(0, state.columns - 1));
}
