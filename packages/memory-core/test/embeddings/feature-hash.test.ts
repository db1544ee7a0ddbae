import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FNV_OFFSET_BASIS,
  featureSign,
  featureSlot,
  fnv1a,
  mix32,
} from '../../src/embeddings/feature-hash.js';

/** Textbook FNV-1a over bytes, to check the incremental UTF-8 encoder against. */
function referenceFnv1a(bytes: Uint8Array): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

describe('feature hashing', () => {
  it('computes the published FNV-1a 32-bit values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes of any string, as TextEncoder encodes them', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(fnv1a(text)).toBe(referenceFnv1a(encoder.encode(text)));
      }),
    );
    expect(fnv1a('\ud800')).toBe(fnv1a('\ufffd'));
  });

  it('spreads features over every slot with balanced signs', () => {
    const dimensions = 384;
    const used = new Set<number>();
    let positive = 0;
    const count = 20_000;
    for (let index = 0; index < count; index++) {
      const hash = fnv1a(`feature-${index}`);
      used.add(featureSlot(hash, dimensions));
      if (featureSign(hash) === 1) positive++;
    }
    expect(used.size).toBe(dimensions);
    expect(Math.min(...used)).toBe(0);
    expect(Math.max(...used)).toBe(dimensions - 1);
    expect(positive / count).toBeGreaterThan(0.48);
    expect(positive / count).toBeLessThan(0.52);
  });

  it('mixes nearby inputs into unrelated outputs', () => {
    // fmix32 is a bijection; consecutive inputs must not land in consecutive outputs.
    expect(mix32(1)).not.toBe(mix32(0) + 1);
    const slots = new Set([0, 1, 2, 3, 4, 5, 6, 7].map((value) => mix32(value) % 384));
    expect(slots.size).toBeGreaterThan(6);
  });
});
