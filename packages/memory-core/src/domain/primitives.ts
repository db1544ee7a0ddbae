import { z } from 'zod';
import { fitsBytes, jsonDepth, LIMITS, utf8Length } from './limits.js';

export const IdSchema = z.uuid({ message: 'must be a UUID' });

/** ISO-8601 timestamp with a timezone (JSON form; SQL stores integer milliseconds). */
export const TimestampSchema = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 timestamp' });

export const DEFAULT_NAMESPACE = 'default';

export const NamespaceSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 characters of letters, digits, "_", "." or "-"');

/** A string limited in UTF-8 bytes, with a message that names the limit. */
export function boundedText(maxBytes: number, minChars = 0) {
  return z
    .string()
    .min(minChars, minChars > 0 ? 'must not be empty' : undefined)
    .refine((text) => fitsBytes(text, maxBytes), `must be at most ${maxBytes} bytes`);
}

/** Short identifiers such as tool names, domains and languages. */
export const ShortTextSchema = z.string().trim().min(1, 'must not be empty').max(LIMITS.shortTextChars);

export const MetadataSchema = z
  .record(z.string().max(LIMITS.shortTextChars), z.string())
  .refine((record) => Object.keys(record).length <= LIMITS.metadataEntries, {
    message: `must have at most ${LIMITS.metadataEntries} entries`,
  })
  .refine((record) => Object.values(record).every((value) => fitsBytes(value, LIMITS.metadataValueBytes)), {
    message: `values must be at most ${LIMITS.metadataValueBytes} bytes`,
  });

/** A JSON object bounded in serialised size and nesting depth. */
export function boundedJsonObject(maxBytes: number) {
  return z.record(z.string(), z.unknown()).superRefine((value, context) => {
    if (jsonDepth(value, LIMITS.jsonNestingDepth) > LIMITS.jsonNestingDepth) {
      context.addIssue({ code: 'custom', message: `must nest at most ${LIMITS.jsonNestingDepth} levels` });
      return;
    }
    let serialised: string | undefined;
    try {
      serialised = JSON.stringify(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be serialisable as JSON' });
      return;
    }
    if (serialised !== undefined && utf8Length(serialised, maxBytes) > maxBytes) {
      context.addIssue({ code: 'custom', message: `must be at most ${maxBytes} bytes as JSON` });
    }
  });
}
