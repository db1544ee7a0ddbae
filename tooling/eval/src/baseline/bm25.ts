import { tokenize } from './tokenize.js';

const K1 = 1.2;
const B = 0.75;

/**
 * A tiny Okapi BM25 (k1 = 1.2, b = 0.75, idf = ln(1 + (N − n + 0.5) / (n + 0.5))) over whole documents,
 * independent of memory-core on purpose: it is the yardstick the quality bar's baselines were measured with,
 * so that the harness's metric definitions can be checked against the published numbers.
 */
export class Bm25 {
  private readonly documents: Map<string, number>[];
  private readonly lengths: number[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(texts: readonly string[]) {
    this.documents = texts.map((text) => {
      const counts = new Map<string, number>();
      for (const term of tokenize(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
      return counts;
    });
    this.lengths = this.documents.map((counts) => [...counts.values()].reduce((sum, n) => sum + n, 0));
    for (const counts of this.documents) {
      for (const term of counts.keys())
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = this.documents.length === 0 ? 0 : total / this.documents.length;
  }

  /** Indexes of the documents matching the query, best first (ties by index), at most `limit`. */
  search(query: string, limit: number): Array<{ index: number; score: number }> {
    const terms = [...new Set(tokenize(query))];
    const hits: Array<{ index: number; score: number }> = [];
    for (const [index, counts] of this.documents.entries()) {
      let score = 0;
      for (const term of terms) {
        const frequency = counts.get(term);
        if (frequency) score += this.idf(term) * this.saturate(frequency, this.lengths[index]!);
      }
      if (score > 0) hits.push({ index, score });
    }
    hits.sort((left, right) => right.score - left.score || left.index - right.index);
    return hits.slice(0, limit);
  }

  private idf(term: string): number {
    const n = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.documents.length - n + 0.5) / (n + 0.5));
  }

  private saturate(frequency: number, length: number): number {
    const norm = this.averageLength === 0 ? 1 : 1 - B + (B * length) / this.averageLength;
    return (frequency * (K1 + 1)) / (frequency + K1 * norm);
  }
}
