/**
 * Text for people to read (reflections, salient features, pattern content): whitespace collapsed and cut at
 * `maxChars` with an ellipsis, so that a 10 kB step output never becomes a 10 kB insight.
 */
export function displayText(text: string, maxChars: number): string {
  const collapsed = text
    .slice(0, maxChars * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return collapsed.length <= maxChars ? collapsed : `${collapsed.slice(0, maxChars - 1).trimEnd()}…`;
}

/** Lower-cases the first letter of a sentence that is being embedded in another ("to Run it" → "to run it"). */
export function asClause(text: string): string {
  const [first, second] = text;
  // Leave acronyms and identifiers alone: "API keys" stays "API keys".
  if (first === undefined || (second !== undefined && second !== second.toLowerCase())) return text;
  return first.toLowerCase() + text.slice(1);
}
