/** Cuts a text to `maxChars`, marking the cut, so one long field cannot flood the model's context. */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}… [${text.length - maxChars} more characters]`;
}

/** A JSON object, or a preview of it when its serialised form is longer than `maxChars`. */
export function boundedJson(value: Record<string, unknown>, maxChars: number): Record<string, unknown> {
  const serialised = JSON.stringify(value);
  if (serialised.length <= maxChars) return value;
  return { truncated: true, preview: truncateText(serialised, maxChars) };
}
