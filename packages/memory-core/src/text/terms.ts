import { porterStem } from './porter-stemmer.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';

const WORD = /[\p{L}\p{N}]+/gu;
const DIACRITICS = /\p{M}+/gu;
const MAX_TERM_LENGTH = 40;
/** Stems are cached: a vocabulary repeats, and stemming is the costliest part of producing terms. */
const STEM_CACHE_LIMIT = 50_000;
const stems = new Map<string, string>();

function stem(word: string): string {
  const cached = stems.get(word);
  if (cached !== undefined) return cached;
  const stemmed = porterStem(word);
  if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
  stems.set(word, stemmed);
  return stemmed;
}

/**
 * The words of a text, lower-cased, without diacritics, in order. Splits on anything that is not a letter or
 * digit, so `cancel_pending_order` gives `cancel`, `pending`, `order`.
 */
export function words(text: string): string[] {
  const normalised = text.normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
  return normalised.match(WORD) ?? [];
}

/**
 * Search terms of a text: words without stop words, stemmed. Every backend indexes and queries with these
 * terms, so lexical search behaves the same in memory and in libSQL.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    if (ENGLISH_STOPWORDS.has(word) || word.length > MAX_TERM_LENGTH) continue;
    terms.push(stem(word));
  }
  return terms;
}

/** Distinct search terms, first-seen order. */
export function distinctSearchTerms(text: string, limit = 64): string[] {
  return [...new Set(searchTerms(text))].slice(0, limit);
}
