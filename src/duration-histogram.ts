/**
 * Durations in ms. Null when no log had a finite, non-negative duration. p50/p95/p99 are
 * nearest-rank percentiles (the value at rank ceil(q × n) in sorted order) estimated from a
 * histogram: see `durationRelativeError` for how close they are.
 */
export interface DurationSummary {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
}

const growth = 1.02;
// Marked pure, so that a bundler drops them from programs that never summarise: arithmetic on
// what a call returned might run code, as far as a bundler knows.
const logGrowth = /* @__PURE__ */ Math.log(growth);
/** Buckets [1.02^i, 1.02^(i+1)) ms from 1 ms to the first edge past one hour (about 1 h 0.3 min). */
const logBuckets = /* @__PURE__ */ (() => Math.ceil(Math.log(3_600_000) / logGrowth))();

/**
 * The most a duration percentile can be off, relative to the exact one, when that is between
 * 1 ms and the top edge: each bucket reports its geometric midpoint, √1.02 − 1 ≈ 0.995% from
 * either edge. Below 1 ms a percentile is off by less than 1 ms; past the top edge it is the max.
 */
export const durationRelativeError = /* @__PURE__ */ (() => Math.sqrt(growth) - 1)();

/** Counts per log-sized bucket: memory is the same for ten logs or ten billion. */
export class DurationHistogram {
  // [0] below 1 ms, [1 … logBuckets] the log buckets, [logBuckets + 1] past the top edge.
  readonly #counts = new Float64Array(logBuckets + 2);
  #count = 0;
  #sum = 0;
  #min = Infinity;
  #max = -Infinity;

  get bucketCount(): number {
    return this.#counts.length;
  }

  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const bucket = ms < 1 ? 0 : Math.min(Math.floor(Math.log(ms) / logGrowth), logBuckets) + 1;
    this.#counts[bucket]! += 1;
    this.#count += 1;
    this.#sum += ms;
    this.#min = Math.min(this.#min, ms);
    this.#max = Math.max(this.#max, ms);
  }

  summarize(): DurationSummary {
    const empty = this.#count === 0;
    return {
      p50: this.#quantile(0.5),
      p95: this.#quantile(0.95),
      p99: this.#quantile(0.99),
      mean: empty ? null : this.#sum / this.#count,
      min: empty ? null : this.#min,
      max: empty ? null : this.#max,
    };
  }

  #quantile(q: number): number | null {
    if (this.#count === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.#count));
    let seen = 0;
    let bucket = 0;
    while (bucket < this.#counts.length - 1 && (seen += this.#counts[bucket]!) < rank) bucket++;
    // The exact value lies in [min, max] too, so clamping only brings the estimate closer.
    return Math.min(Math.max(midpointOf(bucket), this.#min), this.#max);
  }
}

function midpointOf(bucket: number): number {
  if (bucket === 0) return 0;
  if (bucket > logBuckets) return Infinity;
  return Math.exp((bucket - 0.5) * logGrowth);
}
