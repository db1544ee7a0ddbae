import { expect } from 'vitest';

/** Asserts that `promise` rejects with a MemoryError carrying `code`, and returns the error. */
export async function expectCode(
  promise: Promise<unknown>,
  code: string,
): Promise<Error & { code: string; details?: Record<string, unknown> }> {
  let failure: unknown;
  try {
    await promise;
  } catch (error) {
    failure = error;
  }
  expect(failure, `expected a ${code} rejection, but the call succeeded`).toBeInstanceOf(Error);
  const typed = failure as Error & { code: string };
  expect({ code: typed.code, name: typed.name }, typed.message).toEqual({ code, name: 'MemoryError' });
  return typed;
}
