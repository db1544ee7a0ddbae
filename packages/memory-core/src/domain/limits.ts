/** Size limits enforced on every input (quality-bar.md, Security). */
export const LIMITS = {
  taskDescriptionBytes: 10_000,
  stepTextBytes: 10_000,
  stepParametersBytes: 1_000_000,
  stepsPerEpisode: 1_000,
  jsonNestingDepth: 32,
  metadataEntries: 64,
  metadataValueBytes: 2_000,
  labelsPerEpisode: 50,
  tagsPerContext: 50,
  shortTextChars: 200,
  reflectionItems: 5,
  sourceEpisodeIds: 50,
  heuristicEvidenceIds: 50,
  listItems: 100,
  queryBytes: 10_000,
} as const;

const encoder = new TextEncoder();

/** UTF-8 byte length; skips encoding when the string cannot possibly exceed `limit`. */
export function utf8Length(text: string, limit = Number.POSITIVE_INFINITY): number {
  if (text.length * 3 <= limit) return text.length;
  return encoder.encode(text).length;
}

export function fitsBytes(text: string, limit: number): boolean {
  return utf8Length(text, limit) <= limit;
}

/** Depth of a JSON value; stops counting once `limit` is exceeded. */
export function jsonDepth(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let deepest = depth + 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    deepest = Math.max(deepest, jsonDepth(child, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}
