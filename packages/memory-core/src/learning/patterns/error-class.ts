import type { ExecutionStep } from '../../domain/step.js';
import { normalizeText } from './normalize-text.js';

const MAX_ERROR_CLASS_LENGTH = 160;

/**
 * The class of an error message: the message with its variable parts (numbers, ids, paths, quoted values)
 * stripped, so that the same error recurring across episodes is recognised as one.
 */
export function errorClass(message: string): string {
  return normalizeText(message, MAX_ERROR_CLASS_LENGTH) || 'error';
}

/** The error class of a failed step ("timeout" for a timeout), or undefined when the step did not fail. */
export function stepErrorClass(step: ExecutionStep): string | undefined {
  if (step.result?.type === 'timeout') return 'timeout';
  if (step.result?.type === 'error') return errorClass(step.result.message);
  return undefined;
}
