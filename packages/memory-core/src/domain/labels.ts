import { z } from 'zod';

const LABEL_PATTERN = /^[a-z0-9_-]{2,100}$/;

/** Labels are trimmed and lower-cased, 2–100 characters of [a-z0-9_-]. */
export const LabelSchema = z
  .string()
  .transform((label) => label.trim().toLowerCase())
  .refine((label) => LABEL_PATTERN.test(label), 'labels must be 2–100 characters of a-z, 0-9, "_" or "-"');

/** Normalises and de-duplicates labels, keeping first-seen order. */
export function normaliseLabels(labels: readonly string[]): string[] {
  return [...new Set(labels.map((label) => label.trim().toLowerCase()))];
}
