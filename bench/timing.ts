/** Timing helpers: process.hrtime.bigint in nanoseconds, summarized as median / p99. */

export interface Summary {
  readonly median: number;
  readonly p99: number;
  readonly max: number;
}

/** Median, p99 and max of samples (any unit). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/** Microseconds taken by `fn`. */
export function timeUs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1000;
}

/**
 * Per-call microseconds of `fn(i)` over `count` calls, timed in batches of `batch` (one call is
 * below the timer's resolution): each sample is a batch's time divided by its size, timer overhead
 * included, so the figures err on the slow side.
 */
export function perCallUs(count: number, batch: number, fn: (i: number) => void): Summary {
  const samples: number[] = [];
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch);
    const t0 = process.hrtime.bigint();
    for (let i = start; i < end; i++) fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / (end - start));
  }
  return summarize(samples);
}
