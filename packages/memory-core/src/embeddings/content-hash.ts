/**
 * A 64-bit content hash of a text (two 32-bit multiply-xorshift lanes, after bryc's public-domain cyrb53),
 * as 16 hex digits. Used as a cache key: with 10 000 entries the chance of any collision is about 3·10⁻¹²,
 * where a 32-bit hash would collide about 1% of the time. Not cryptographic.
 */
export function contentHash(text: string): string {
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x9e3779b1);
    second = Math.imul(second ^ code, 0x5f356495);
  }
  first = Math.imul(first ^ (first >>> 16), 0x85ebca6b) ^ Math.imul(second ^ (second >>> 13), 0xc2b2ae35);
  second = Math.imul(second ^ (second >>> 16), 0x85ebca6b) ^ Math.imul(first ^ (first >>> 13), 0xc2b2ae35);
  return hex32(second) + hex32(first);
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
