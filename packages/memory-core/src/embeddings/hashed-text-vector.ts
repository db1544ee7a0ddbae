import { ENGLISH_STOPWORDS } from '../text/stopwords.js';
import { searchTerms, words } from '../text/terms.js';
import { FNV_OFFSET_BASIS, featureSign, featureSlot, fnv1aCodePoint, fnv1aString } from './feature-hash.js';
import { l2Normalize } from './l2-normalize.js';

/**
 * Weights of the feature families. Priors from how each family behaves, not tuned to any dataset:
 * - stemmed word unigrams (1.0) carry most of the meaning and match across inflections;
 * - bigrams of adjacent terms (0.7) add phrase and word-order signal ("order cancel" vs "cancel order") but
 *   are sparser, so a paraphrase that breaks a phrase should not lose too much;
 * - character 3–5-grams (0.4 per word, spread over that word's n-grams) tolerate typos, compounds and
 *   morphology the stemmer misses ("postgres" ~ "postgresql") without outweighing exact word matches.
 */
export const FEATURE_WEIGHTS = { unigram: 1, bigram: 0.7, characterNgrams: 0.4 } as const;

const MIN_NGRAM = 3;
const MAX_NGRAM = 5;
/**
 * N-grams come from at most this many characters of a word. Long runs are ids, blobs or unsegmented
 * scripts (Chinese, Japanese); their first characters still match, and the cost stays bounded.
 */
const MAX_NGRAM_SOURCE_LENGTH = 256;

// Each family hashes from its own starting state, so the unigram "cat" and the n-gram "cat" are different features.
const UNIGRAM_STATE = fnv1aString(FNV_OFFSET_BASIS, 'unigram\u0000');
const BIGRAM_STATE = fnv1aString(FNV_OFFSET_BASIS, 'bigram\u0000');
const NGRAM_STATE = fnv1aString(FNV_OFFSET_BASIS, 'ngram\u0000');
const WORD_START = '<'.codePointAt(0)!;
const WORD_END = '>'.codePointAt(0)!;

/**
 * The signed feature-hashing embedding of one text, L2-normalised. Every feature's weight is its family
 * weight times `1 + ln(tf)`, so repeating a word strengthens it sublinearly instead of letting it dominate.
 * A text without any content word (empty, punctuation, only stop words) gives the zero vector, which has
 * cosine similarity 0 with everything.
 */
export function hashTextVector(text: string, dimensions: number): Float32Array {
  const accumulator = new Float64Array(dimensions);
  const add = (hash: number, weight: number): void => {
    accumulator[featureSlot(hash, dimensions)]! += featureSign(hash) * weight;
  };

  const terms = searchTerms(text);
  for (const [term, count] of countOccurrences(terms)) {
    add(fnv1aString(UNIGRAM_STATE, term), FEATURE_WEIGHTS.unigram * sublinear(count));
  }
  const bigrams: string[] = [];
  for (let index = 1; index < terms.length; index++) bigrams.push(`${terms[index - 1]} ${terms[index]}`);
  for (const [bigram, count] of countOccurrences(bigrams)) {
    add(fnv1aString(BIGRAM_STATE, bigram), FEATURE_WEIGHTS.bigram * sublinear(count));
  }

  const contentWords = words(text).filter((word) => !ENGLISH_STOPWORDS.has(word));
  for (const [word, count] of countOccurrences(contentWords)) {
    addCharacterNgrams(word, FEATURE_WEIGHTS.characterNgrams * sublinear(count), add);
  }
  return l2Normalize(accumulator);
}

/**
 * Adds the 3–5-grams of `<word>` (with boundary markers, so prefixes and suffixes are features of their
 * own). The word's weight is spread over its n-grams (divided by the square root of their count) so that
 * long words do not outweigh short ones.
 */
function addCharacterNgrams(word: string, weight: number, add: (hash: number, weight: number) => void): void {
  const codePoints = [WORD_START];
  let truncated = false;
  for (const char of word) {
    truncated = codePoints.length > MAX_NGRAM_SOURCE_LENGTH;
    if (truncated) break;
    codePoints.push(char.codePointAt(0)!);
  }
  if (!truncated) codePoints.push(WORD_END);
  const length = codePoints.length;
  let ngramCount = 0;
  for (let size = MIN_NGRAM; size <= MAX_NGRAM; size++) ngramCount += Math.max(0, length - size + 1);
  if (ngramCount === 0) return;
  const ngramWeight = weight / Math.sqrt(ngramCount);
  for (let start = 0; start + MIN_NGRAM <= length; start++) {
    // Extend one running hash: the 3-, 4- and 5-gram starting here share their prefix.
    let hash = NGRAM_STATE;
    for (let end = start; end < start + MAX_NGRAM && end < length; end++) {
      hash = fnv1aCodePoint(hash, codePoints[end]!);
      if (end - start + 1 >= MIN_NGRAM) add(hash, ngramWeight);
    }
  }
}

function sublinear(count: number): number {
  return 1 + Math.log(count);
}

function countOccurrences(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
