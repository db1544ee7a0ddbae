import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args.js';

describe('command line', () => {
  it('defaults to the test split and a table', () => {
    expect(parseCli([])).toEqual({
      json: false,
      data: undefined,
      split: 'test',
      subset: undefined,
      rounds: 5,
      signals: false,
      help: false,
    });
  });

  it('reads the flags (and ignores the "--" pnpm passes through)', () => {
    expect(
      parseCli(['--', '--json', '--split', 'dev', '--data', '/d', '--subset', '20', '--rounds', '3']),
    ).toMatchObject({
      json: true,
      split: 'dev',
      data: '/d',
      subset: 20,
      rounds: 3,
    });
  });

  it('rejects what it does not understand', () => {
    expect(() => parseCli(['--split', 'train'])).toThrow('--split must be dev, test or cv');
    expect(() => parseCli(['--subset', '0'])).toThrow('--subset must be a positive integer');
    expect(() => parseCli(['--bogus'])).toThrow();
  });
});
