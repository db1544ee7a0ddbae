import type { ScoredId } from '../filters.js';
import { Posting } from './posting.js';
import { TopK } from './top-k.js';

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

const INITIAL_SLOTS = 64;

/**
 * An inverted index scored with Okapi BM25 (k1 = 1.2, b = 0.75) over pre-normalised search terms. Each term
 * holds its postings in parallel arrays (see `Posting`); each document keeps, per term, its position in
 * that term's postings, so that replacing or deleting it touches only its terms. A query visits only the
 * postings of its terms, never every document, accumulating scores in a typed array indexed by slot.
 *
 * idf = ln(1 + (N − n + 0.5) / (n + 0.5)) (the non-negative form Lucene uses), so a term present in most
 * documents still counts a little instead of subtracting.
 */
export class Bm25Index {
  private readonly postings = new Map<string, Posting>();
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  /** Per document slot: term → position in the term's postings. */
  private readonly positions: Array<Map<string, number> | undefined> = [];
  private readonly freeSlots: number[] = [];
  private lengths = new Float64Array(INITIAL_SLOTS);
  private scores = new Float64Array(INITIAL_SLOTS);
  private totalLength = 0;

  get size(): number {
    return this.slots.size;
  }

  /**
   * Indexes (or re-indexes) a document as exactly these terms. Re-indexing touches only the postings of terms
   * whose count changed, so completing an episode (which adds a few terms) leaves large postings alone.
   */
  set(id: string, terms: readonly string[]): void {
    const slot = this.slots.get(id);
    if (slot === undefined) {
      this.extend(id, terms);
      return;
    }
    const positions = this.positions[slot]!;
    const next = new Map<string, number>();
    for (const term of terms) next.set(term, (next.get(term) ?? 0) + 1);
    for (const term of [...positions.keys()]) if (!next.has(term)) this.removeTerm(slot, term);
    for (const [term, frequency] of next) this.setFrequency(slot, term, frequency);
    this.totalLength += terms.length - this.lengths[slot]!;
    this.lengths[slot] = terms.length;
  }

  /** Adds terms to a document (creating it when absent): appending text without re-reading the rest. */
  extend(id: string, terms: readonly string[]): void {
    const slot = this.slots.get(id) ?? this.allocate(id);
    const positions = this.positions[slot]!;
    for (const term of terms) {
      const position = positions.get(term);
      if (position === undefined) this.setFrequency(slot, term, 1);
      else this.postings.get(term)!.frequencies[position]!++;
    }
    this.lengths[slot] = this.lengths[slot]! + terms.length;
    this.totalLength += terms.length;
  }

  delete(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    for (const term of [...this.positions[slot]!.keys()]) this.removeTerm(slot, term);
    this.totalLength -= this.lengths[slot]!;
    this.lengths[slot] = 0;
    this.positions[slot] = undefined;
    this.slots.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  /** Whether the document holds the term (an O(1) probe used by list filters). */
  contains(id: string, term: string): boolean {
    const slot = this.slots.get(id);
    return slot !== undefined && (this.positions[slot]?.has(term) ?? false);
  }

  /** Documents holding `term`: its posting's size. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** Sum of the documents' lengths in terms. */
  get termCount(): number {
    return this.totalLength;
  }

  /**
   * The `limit` best documents holding any of `terms` that `accept` lets through, best first. Repeated query
   * terms count once. `accept` runs only for documents whose score could still enter the result.
   */
  search(terms: readonly string[], limit: number, accept?: (id: string) => boolean): ScoredId[] {
    if (this.size === 0 || limit <= 0) return [];
    const best = new TopK(limit);
    this.scoreInto(Bm25Query.of(terms, [this]), best, accept);
    return best.results();
  }

  /**
   * Offers the score of every document holding a query term to `best`. The query carries the corpus
   * statistics (idf, average length), so several indexes can be scored as one corpus.
   */
  scoreInto(query: Bm25Query, best: TopK, accept?: (id: string) => boolean): void {
    const scores = this.scores;
    const lengths = this.lengths;
    const lengthWeight = (BM25_K1 * BM25_B) / query.averageLength;
    const baseNorm = BM25_K1 * (1 - BM25_B);
    const touched: number[] = [];
    for (let index = 0; index < query.terms.length; index++) {
      const posting = this.postings.get(query.terms[index]!);
      if (!posting) continue;
      const idf = query.idfs[index]!;
      const { slots, frequencies, length } = posting;
      for (let at = 0; at < length; at++) {
        const slot = slots[at]!;
        const frequency = frequencies[at]!;
        const weight =
          (idf * frequency * (BM25_K1 + 1)) / (frequency + baseNorm + lengthWeight * lengths[slot]!);
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = scores[slot]! + weight;
      }
    }
    for (const slot of touched) {
      const score = scores[slot]!;
      scores[slot] = 0;
      const id = this.ids[slot]!;
      if (best.admits(id, score) && (accept === undefined || accept(id))) best.push(id, score);
    }
  }

  /** Sets the document's frequency for a term, adding the term to its postings when new. */
  private setFrequency(slot: number, term: string, frequency: number): void {
    const positions = this.positions[slot]!;
    const position = positions.get(term);
    let posting = this.postings.get(term);
    if (position !== undefined) {
      posting!.frequencies[position] = frequency;
      return;
    }
    if (!posting) {
      posting = new Posting();
      this.postings.set(term, posting);
    }
    positions.set(term, posting.push(slot, frequency));
  }

  private removeTerm(slot: number, term: string): void {
    const positions = this.positions[slot]!;
    const position = positions.get(term)!;
    positions.delete(term);
    const posting = this.postings.get(term)!;
    const moved = posting.removeAt(position);
    if (moved >= 0) this.positions[moved]!.set(term, position);
    if (posting.length === 0) this.postings.delete(term);
  }

  private allocate(id: string): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.ids.length;
      this.ids.push(id);
      this.positions.push(undefined);
      if (slot >= this.lengths.length) this.grow();
    } else {
      this.ids[slot] = id;
    }
    this.slots.set(id, slot);
    this.positions[slot] = new Map();
    return slot;
  }

  private grow(): void {
    const capacity = this.lengths.length * 2;
    const lengths = new Float64Array(capacity);
    lengths.set(this.lengths);
    this.lengths = lengths;
    this.scores = new Float64Array(capacity);
  }
}

/** Distinct query terms with their idf, and the average document length, over one or more indexes. */
export class Bm25Query {
  private constructor(
    readonly terms: readonly string[],
    readonly idfs: readonly number[],
    readonly averageLength: number,
  ) {}

  /** Statistics of the corpus made of `indexes` together (each document sits in exactly one of them). */
  static of(terms: readonly string[], indexes: Iterable<Bm25Index>): Bm25Query {
    const parts = [...indexes];
    let documentCount = 0;
    let termCount = 0;
    for (const part of parts) {
      documentCount += part.size;
      termCount += part.termCount;
    }
    const distinct: string[] = [];
    const idfs: number[] = [];
    for (const term of new Set(terms)) {
      let frequency = 0;
      for (const part of parts) frequency += part.documentFrequency(term);
      if (frequency === 0) continue;
      distinct.push(term);
      idfs.push(Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5)));
    }
    return new Bm25Query(distinct, idfs, termCount / documentCount || 1);
  }
}
