/** The last `capacity` samples of a latency, for percentiles that reflect recent behaviour in constant memory. */
export class LatencyWindow {
  private readonly samples: Float64Array;
  private count = 0;
  private next = 0;

  constructor(capacity = 1_024) {
    this.samples = new Float64Array(capacity);
  }

  record(valueMs: number): void {
    this.samples[this.next] = valueMs;
    this.next = (this.next + 1) % this.samples.length;
    if (this.count < this.samples.length) this.count++;
  }

  /** The nearest-rank percentile (0–100) of the window; 0 when empty. */
  percentile(rank: number): number {
    if (this.count === 0) return 0;
    const sorted = this.samples.slice(0, this.count).sort();
    const index = Math.min(this.count - 1, Math.max(0, Math.ceil((rank / 100) * this.count) - 1));
    return sorted[index]!;
  }
}
