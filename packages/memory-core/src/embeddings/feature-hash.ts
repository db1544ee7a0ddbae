/**
 * 32-bit hashing for feature hashing. FNV-1a over the UTF-8 bytes of a text, fed incrementally so that
 * character n-grams can be hashed without building substrings, then finished with murmur3's `fmix32`
 * because FNV-1a alone spreads its low bits poorly and slots are taken modulo the dimension.
 */

export const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvByte(state: number, byte: number): number {
  return Math.imul(state ^ byte, FNV_PRIME) >>> 0;
}

/** Feeds the UTF-8 encoding of one code point into an FNV-1a state. */
export function fnv1aCodePoint(state: number, codePoint: number): number {
  if (codePoint < 0x80) return fnvByte(state, codePoint);
  if (codePoint < 0x800) {
    return fnvByte(fnvByte(state, 0xc0 | (codePoint >> 6)), 0x80 | (codePoint & 0x3f));
  }
  if (codePoint < 0x10000) {
    const first = fnvByte(state, 0xe0 | (codePoint >> 12));
    return fnvByte(fnvByte(first, 0x80 | ((codePoint >> 6) & 0x3f)), 0x80 | (codePoint & 0x3f));
  }
  const first = fnvByte(fnvByte(state, 0xf0 | (codePoint >> 18)), 0x80 | ((codePoint >> 12) & 0x3f));
  return fnvByte(fnvByte(first, 0x80 | ((codePoint >> 6) & 0x3f)), 0x80 | (codePoint & 0x3f));
}

/** Feeds the UTF-8 encoding of a text into an FNV-1a state (lone surrogates hash as U+FFFD, like TextEncoder). */
export function fnv1aString(state: number, text: string): number {
  let hash = state;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    hash = fnv1aCodePoint(hash, codePoint >= 0xd800 && codePoint <= 0xdfff ? 0xfffd : codePoint);
  }
  return hash;
}

/** FNV-1a of a text's UTF-8 bytes. */
export function fnv1a(text: string, state = FNV_OFFSET_BASIS): number {
  return fnv1aString(state, text);
}

/** murmur3's 32-bit finaliser: every input bit flips each output bit with probability about one half. */
export function mix32(hash: number): number {
  let mixed = hash >>> 0;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

/** The vector slot of a feature hash. */
export function featureSlot(hash: number, dimensions: number): number {
  return mix32(hash) % dimensions;
}

/**
 * The sign of a feature hash, +1 or -1, from a second, independent mix: signed hashing makes collisions
 * cancel out on average instead of piling up, so dot products stay unbiased.
 */
export function featureSign(hash: number): 1 | -1 {
  return mix32(hash ^ 0x9e3779b9) & 1 ? 1 : -1;
}
