/** Millisecond buckets from sub-millisecond work to 10 s (the latency targets sit between 1 ms and 1 s). */
export const MILLISECOND_BUCKETS = [0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000];
