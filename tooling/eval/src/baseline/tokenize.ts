/** Lower-cased runs of letters and digits: the plainest tokenizer, no stemming, no stop words. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
