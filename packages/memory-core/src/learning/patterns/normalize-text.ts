/** Longest input examined: normalising is for matching, and the start of a message identifies its class. */
const MAX_INPUT_CHARS = 2_000;
export const DEFAULT_NORMALIZED_LENGTH = 200;

interface VariablePart {
  /** A cheap test that the part can occur at all, so that plain text skips the costly pattern. */
  present: RegExp;
  pattern: RegExp;
  placeholder: string;
}

// Applied in this order to lower-cased text; each variable part becomes a placeholder.
const VARIABLE_PARTS: readonly VariablePart[] = [
  { present: /:\/\//, pattern: /\b[a-z][a-z0-9+.-]*:\/\/\S+/g, placeholder: '<url>' },
  {
    present: /-/,
    pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g,
    placeholder: '<id>',
  },
  { present: /["'`]/, pattern: /"[^"\n]*"|`[^`\n]*`|(?<!\w)'[^'\n]*'(?!\w)/g, placeholder: '<value>' },
  // Absolute, home- and dot-relative paths, then relative paths that end in a file extension ("src/a.ts").
  {
    present: /[\\/]/,
    pattern: /(?<![\w.])(?:[a-z]:)?(?:~|\.{1,2})?[\\/][\w.@+-]+(?:[\\/][\w.@+-]+)*[\\/]?/g,
    placeholder: '<path>',
  },
  { present: /[\\/]/, pattern: /\b[\w@+-]+(?:[\\/][\w.@+-]+)+\.[a-z0-9]{1,8}\b/g, placeholder: '<path>' },
  {
    present: /\d/,
    pattern: /\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/g,
    placeholder: '<id>',
  },
  // Numbers not glued to a preceding letter: "after 30s" → "after <n>s", but "utf8" and "e2e" stay.
  { present: /\d/, pattern: /(?<![a-z])\d+(?:[.,:]\d+)*/g, placeholder: '<n>' },
];

/**
 * Text reduced to what stays the same when it recurs: lower-case, with numbers, ids, urls, paths and quoted
 * values replaced by placeholders, whitespace collapsed, trailing punctuation dropped, at most `maxLength`
 * characters. "Timeout after 30s on /tmp/a.txt" and "timeout after 45s on /var/b.txt" normalise alike.
 */
export function normalizeText(text: string, maxLength = DEFAULT_NORMALIZED_LENGTH): string {
  let normalized = text.slice(0, MAX_INPUT_CHARS).toLowerCase();
  for (const { present, pattern, placeholder } of VARIABLE_PARTS) {
    if (present.test(normalized)) normalized = normalized.replace(pattern, placeholder);
  }
  return normalized
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!]+$/, '')
    .trim()
    .slice(0, maxLength)
    .trimEnd();
}
