const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const POOL_SIZE = 16 * 256;
let pool = new Uint8Array(0);
let poolOffset = POOL_SIZE;
let lastMs = -1;
let sequence = 0;

function randomBytes(count: number): Uint8Array {
  if (poolOffset + count > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_SIZE));
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + count);
  poolOffset += count;
  return bytes;
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Time-ordered, so ids sort by
 * creation and index well. Within one millisecond a 12-bit counter keeps ids from this process increasing.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const random = randomBytes(10);
  if (nowMs === lastMs) {
    sequence = (sequence + 1) & 0xfff;
  } else {
    lastMs = nowMs;
    sequence = ((random[0]! << 4) | (random[1]! >> 4)) & 0x7ff;
  }
  const bytes = new Uint8Array(16);
  let time = nowMs;
  for (let index = 5; index >= 0; index--) {
    bytes[index] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (random[2]! & 0x3f);
  for (let index = 9; index < 16; index++) bytes[index] = random[index - 6]!;
  let text = '';
  for (let index = 0; index < 16; index++) {
    if (index === 4 || index === 6 || index === 8 || index === 10) text += '-';
    text += HEX[bytes[index]!];
  }
  return text;
}
