import { MemoryError } from '@slm/memory-core';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { InterruptedError } from './interruption.js';

describe('exitCodeOf', () => {
  it('maps configuration and usage errors to 2, Ctrl-C to 130, everything else to 1', () => {
    expect(exitCodeOf(new MemoryError('CONFIG_INVALID', 'bad'))).toBe(EXIT.usage);
    expect(exitCodeOf(new MemoryError('VALIDATION_FAILED', 'bad id'))).toBe(EXIT.usage);
    expect(exitCodeOf(new CommanderError(1, 'commander.unknownOption', 'unknown option'))).toBe(EXIT.usage);
    expect(exitCodeOf(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(EXIT.ok);
    expect(exitCodeOf(new InterruptedError())).toBe(EXIT.interrupted);
    for (const code of ['STORAGE_FAILED', 'UNAVAILABLE', 'NOT_FOUND', 'CACHE_FAILED'] as const) {
      expect(exitCodeOf(new MemoryError(code, 'failed'))).toBe(EXIT.failure);
    }
    expect(exitCodeOf(new Error('EEXIST'))).toBe(EXIT.failure);
  });
});
