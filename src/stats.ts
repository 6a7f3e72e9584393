import { DurationHistogram, type DurationSummary } from "./duration-histogram.js";
import type { Log } from "./types.js";

export { durationRelativeError, type DurationSummary } from "./duration-histogram.js";

/** A field of the log (`"status"` means `status_code`), or a function giving each log's key. */
export type GroupBy = keyof Log | "status" | (string & {}) | ((log: Log) => string);

export interface SummarizeOptions {
  /** What to group by; without it every log is in one group, `"all"`. */
  by?: GroupBy;
}

export interface GroupSummary {
  /** The group's value of the `by` field or function; "(none)" when absent; "all" for the total. */
  key: string;
  count: number;
  /** Logs with `success: false`. */
  errors: number;
  /** errors / count; null when count is 0. */
  errorRate: number | null;
  /** Logs the gateway answered from its cache. */
  cached: number;
  /** cached / count; null when count is 0. */
  cacheHitRate: number | null;
  /** Sum of `tokens_in`, a null counting as 0. */
  tokensIn: number;
  tokensOut: number;
  /** Logs whose `tokens_in` was null: how much of `tokensIn` is unknown. */
  tokensInNull: number;
  tokensOutNull: number;
  /** Sum of `cost` in US dollars, a missing cost counting as 0. */
  cost: number;
  durationMs: DurationSummary;
}

/** Plain numbers and strings only, so it survives JSON.stringify. */
export interface Summary {
  /** Sorted by count, largest first, then by key. Empty when there were no logs. */
  groups: GroupSummary[];
  total: GroupSummary;
}

export interface Summarizer {
  add(log: Log): void;
  /** A snapshot of everything added so far; adding more afterwards does not change it. */
  result(): Summary;
  /** Histogram buckets held, over all groups: fixed per group, whatever the number of logs. */
  bucketCount(): number;
}

class GroupTotals {
  count = 0;
  errors = 0;
  cached = 0;
  tokensIn = 0;
  tokensOut = 0;
  tokensInNull = 0;
  tokensOutNull = 0;
  cost = 0;
  readonly durations = new DurationHistogram();

  add(log: Log): void {
    this.count += 1;
    if (log.success === false) this.errors += 1;
    if (log.cached === true) this.cached += 1;
    if (typeof log.tokens_in === "number") this.tokensIn += log.tokens_in;
    else this.tokensInNull += 1;
    if (typeof log.tokens_out === "number") this.tokensOut += log.tokens_out;
    else this.tokensOutNull += 1;
    if (typeof log.cost === "number" && Number.isFinite(log.cost)) this.cost += log.cost;
    this.durations.add(log.duration);
  }

  summarize(key: string): GroupSummary {
    const rate = (part: number) => (this.count === 0 ? null : part / this.count);
    return {
      key,
      count: this.count,
      errors: this.errors,
      errorRate: rate(this.errors),
      cached: this.cached,
      cacheHitRate: rate(this.cached),
      tokensIn: this.tokensIn,
      tokensOut: this.tokensOut,
      tokensInNull: this.tokensInNull,
      tokensOutNull: this.tokensOutNull,
      cost: this.cost,
      durationMs: this.durations.summarize(),
    };
  }
}

const noKey = "(none)";

function keyFunction(by: GroupBy | undefined): (log: Log) => string {
  if (by === undefined) return () => "all";
  if (typeof by === "function") return (log) => normalizeKey(by(log));
  const field = by === "status" ? "status_code" : by;
  return (log) => normalizeKey((log as unknown as Record<string, unknown>)[field]);
}

function normalizeKey(value: unknown): string {
  if (value === undefined || value === null || value === "") return noKey;
  if (typeof value === "string") return value;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function byCountThenKey(a: GroupSummary, b: GroupSummary): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Summarizes logs one at a time, so a CLI can show the summary while logs still arrive. */
export function createSummarizer(options: SummarizeOptions = {}): Summarizer {
  const keyOf = keyFunction(options.by);
  const groups = new Map<string, GroupTotals>();
  const total = new GroupTotals();
  return {
    add(log) {
      const key = keyOf(log);
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = new GroupTotals()));
      group.add(log);
      total.add(log);
    },
    result() {
      const summaries = [...groups].map(([key, group]) => group.summarize(key));
      return { groups: summaries.sort(byCountThenKey), total: total.summarize("all") };
    },
    bucketCount() {
      let buckets = total.durations.bucketCount;
      for (const group of groups.values()) buckets += group.durations.bucketCount;
      return buckets;
    },
  };
}

/** Counts, rates, token and cost sums and duration percentiles of logs, overall and per group. */
export async function summarize(
  logs: AsyncIterable<Log> | Iterable<Log>,
  options?: SummarizeOptions,
): Promise<Summary> {
  const summarizer = createSummarizer(options);
  // A plain loop for arrays and other sync iterables: no microtask per log.
  if (Symbol.asyncIterator in logs) for await (const log of logs) summarizer.add(log);
  else for (const log of logs) summarizer.add(log);
  return summarizer.result();
}
