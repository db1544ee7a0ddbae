import { describe, expect, it } from 'vitest';
import { parseEmbeddingsResponse } from '../../src/embeddings/embeddings-response.js';

const body = (data: unknown) => JSON.stringify({ data });

describe('embeddings response', () => {
  it('orders vectors by index and normalises them', () => {
    const parsed = parseEmbeddingsResponse(
      body([
        { index: 1, embedding: [0, 2] },
        { index: 0, embedding: [3, 4] },
      ]),
      2,
      2,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Array.from(parsed.vectors[0]!)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(Array.from(parsed.vectors[1]!)).toEqual([0, 1]);
  });

  it('keeps positions when the server omits index', () => {
    const parsed = parseEmbeddingsResponse(body([{ embedding: [1, 0] }, { embedding: [0, 1] }]), 2, 2);
    expect(parsed.ok && Array.from(parsed.vectors[1]!)).toEqual([0, 1]);
  });

  it('reports a dimension mismatch separately from malformed bodies', () => {
    const parsed = parseEmbeddingsResponse(body([{ index: 0, embedding: [1, 0, 0] }]), 1, 2);
    expect(parsed).toMatchObject({ ok: false, kind: 'dimensions' });
    if (!parsed.ok) expect(parsed.problem).toContain('3-dimensional');
  });

  it.each([
    ['not json', 'not JSON'],
    [JSON.stringify({ object: 'list' }), 'no data array'],
    [body([{ index: 0, embedding: [1, 0] }]), 'expected 2 embeddings, got 1'],
    [
      body([
        { index: 0, embedding: [1, 0] },
        { index: 0, embedding: [0, 1] },
      ]),
      'appears twice',
    ],
    [
      body([
        { index: 0, embedding: [1, 0] },
        { index: 5, embedding: [0, 1] },
      ]),
      'out of range',
    ],
    [
      body([
        { index: 0, embedding: [1, 0] },
        { index: 1, embedding: 'AAAA' },
      ]),
      'not an array',
    ],
    [
      body([
        { index: 0, embedding: [1, 0] },
        { index: 1, embedding: [1, null] },
      ]),
      'finite',
    ],
  ])('rejects a malformed body (%s)', (text, problem) => {
    const parsed = parseEmbeddingsResponse(text, 2, 2);
    expect(parsed).toMatchObject({ ok: false, kind: 'malformed' });
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });
});
