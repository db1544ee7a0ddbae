/**
 * A token bucket: `ratePerSecond` tokens refill continuously up to `capacity`. `take` spends one token, or says
 * how many seconds until one is available.
 */
export class TokenBucket {
  private tokens: number;
  private updatedMs: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    nowMs: number,
  ) {
    this.tokens = capacity;
    this.updatedMs = nowMs;
  }

  /** 0 when a token was spent, else the whole seconds to wait (at least 1). */
  take(nowMs: number): number {
    const elapsedSeconds = Math.max(0, nowMs - this.updatedMs) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsedSeconds * this.ratePerSecond);
    this.updatedMs = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerSecond));
  }
}
