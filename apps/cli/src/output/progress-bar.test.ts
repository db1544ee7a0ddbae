import { describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../cli-io.js';
import { createProgress, renderProgressLine } from './progress-bar.js';

describe('renderProgressLine', () => {
  it('shows the bar, percentage, counts, rate and ETA', () => {
    const line = renderProgressLine({
      label: 'export',
      unit: 'records',
      done: 6_000,
      total: 10_000,
      elapsedMs: 3_000,
      columns: 120,
    });
    expect(line).toBe(
      `export  [${'█'.repeat(14)}${'░'.repeat(10)}]   60%  6,000/10,000 records  2,000/s  ETA 2.0 s`,
    );
  });

  it('without a total shows the count and rate; never wider than the terminal', () => {
    const state = {
      label: 'import',
      unit: 'lines',
      done: 500,
      total: undefined,
      elapsedMs: 1_000,
      columns: 120,
    };
    expect(renderProgressLine(state)).toBe('import  500 lines  500/s');
    expect(renderProgressLine({ ...state, columns: 10 })).toHaveLength(9);
  });
});

function fakeIO(isTTY: boolean) {
  const write = vi.fn();
  const io: CliIO = { stdout: { write: vi.fn() }, stderr: { write, isTTY, columns: 100 }, env: {} };
  return { io, write };
}

describe('createProgress', () => {
  it('draws on a terminal and clears the line at the end', () => {
    const { io, write } = fakeIO(true);
    const progress = createProgress(io, 'export', 'records', 100);
    progress.update(50);
    progress.finish();
    expect(write.mock.calls[0]![0]).toMatch(/^\rexport {2}\[█+░+\] +50% {2}50\/100 records/);
    expect(write.mock.calls.at(-1)![0]).toBe('\r\x1b[K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { io, write } = fakeIO(false);
    const progress = createProgress(io, 'export', 'records', 100);
    progress.update(50);
    progress.finish();
    expect(write).not.toHaveBeenCalled();
  });
});
