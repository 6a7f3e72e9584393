import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom } from "../src/sandbox/random.js";
import { createSummarizer, durationRelativeError, summarize } from "../src/stats.js";
import type { GroupSummary } from "../src/stats.js";
import type { Log } from "../src/types.js";

function makeLog(fields: Partial<Log>): Log {
  return {
    id: "log",
    created_at: "2025-01-10T00:00:00.000Z",
    provider: "openai",
    model: "gpt-4o",
    model_type: "chat",
    path: "chat/completions",
    status_code: 200,
    success: true,
    cached: false,
    duration: 100,
    tokens_in: 1,
    tokens_out: 1,
    cost: 0,
    ...fields,
  };
}

// Costs are sums of powers of two, so their totals are exact in floating point.
const handMade: Log[] = [
  makeLog({ id: "a", tokens_in: 100, tokens_out: 50, cost: 0.125, duration: 900 }),
  makeLog({
    id: "b",
    provider: "anthropic",
    model: "claude-3-5-haiku",
    cached: true,
    tokens_in: null,
    tokens_out: 20,
    cost: 0,
    duration: 12,
    metadata: "",
  }),
  makeLog({
    id: "c",
    model: "gpt-4o-mini",
    status_code: 429,
    success: false,
    tokens_in: null,
    tokens_out: null,
    cost: undefined,
    duration: 300,
  }),
  makeLog({
    id: "d",
    status_code: 500,
    success: false,
    model_type: undefined,
    tokens_in: 10,
    tokens_out: 0,
    cost: 0.5,
    duration: 5000,
  }),
  makeLog({
    id: "e",
    provider: "workers-ai",
    model: "@cf/meta/llama-3.1-8b-instruct",
    cached: true,
    tokens_in: 7,
    tokens_out: 3,
    cost: 0.25,
    duration: 40,
  }),
];

/** The nearest-rank percentile: the value at rank ceil(q × n) in sorted order. */
function exactPercentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

// The slack covers floating-point rounding of the bucket edges, nothing more.
function expectWithinBound(estimate: number | null, exact: number): void {
  expect(estimate).not.toBeNull();
  expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(durationRelativeError * exact * 1.000001);
}

function expectPercentilesWithinBound(durations: number[], summary: GroupSummary): void {
  const sorted = [...durations].sort((a, b) => a - b);
  expectWithinBound(summary.durationMs.p50, exactPercentile(sorted, 0.5));
  expectWithinBound(summary.durationMs.p95, exactPercentile(sorted, 0.95));
  expectWithinBound(summary.durationMs.p99, exactPercentile(sorted, 0.99));
}

const keysAndCounts = (groups: GroupSummary[]) => groups.map(({ key, count }) => [key, count]);

describe("summarize", () => {
  it("counts logs, errors and cache hits and sums tokens and cost exactly", async () => {
    const { total } = await summarize(handMade);
    expect(total).toMatchObject({
      key: "all",
      count: 5,
      errors: 2,
      errorRate: 0.4,
      cached: 2,
      cacheHitRate: 0.4,
      tokensIn: 117,
      tokensOut: 73,
      tokensInNull: 2,
      tokensOutNull: 1,
      cost: 0.875,
    });
    expect(total.durationMs).toMatchObject({ mean: 6252 / 5, min: 12, max: 5000, p99: 5000 });
    expectPercentilesWithinBound([900, 12, 300, 5000, 40], total);
  });

  it("counts a null token count as 0 and as one more log without tokens", async () => {
    const logs = [
      makeLog({ tokens_in: null, tokens_out: null }),
      makeLog({ tokens_in: null, tokens_out: 5 }),
    ];
    const { total } = await summarize(logs);
    expect(total).toMatchObject({ tokensIn: 0, tokensOut: 5, tokensInNull: 2, tokensOutNull: 1 });
  });

  it("puts every log in one group named all when not grouping", async () => {
    const { groups, total } = await summarize(handMade);
    expect(groups).toEqual([total]);
  });

  it("groups by a field name, largest group first and ties by key", async () => {
    const { groups, total } = await summarize(handMade, { by: "provider" });
    expect(keysAndCounts(groups)).toEqual([
      ["openai", 3],
      ["anthropic", 1],
      ["workers-ai", 1],
    ]);
    expect(groups[0]).toMatchObject({ errors: 2, errorRate: 2 / 3, tokensIn: 110, cost: 0.625 });
    expect(groups[0]!.durationMs).toMatchObject({ min: 300, max: 5000 });
    expect(groups[2]).toMatchObject({ cached: 1, cacheHitRate: 1, tokensOut: 3, cost: 0.25 });
    expect(total).toEqual((await summarize(handMade)).total);
  });

  it("groups by status as status_code", async () => {
    const byStatus = await summarize(handMade, { by: "status" });
    expect(keysAndCounts(byStatus.groups)).toEqual([
      ["200", 3],
      ["429", 1],
      ["500", 1],
    ]);
    expect(byStatus).toEqual(await summarize(handMade, { by: "status_code" }));
  });

  it("groups by a boolean field under true and false", async () => {
    const { groups } = await summarize(handMade, { by: "success" });
    expect(keysAndCounts(groups)).toEqual([
      ["true", 3],
      ["false", 2],
    ]);
    expect(groups[1]).toMatchObject({ errors: 2, errorRate: 1 });
  });

  it("groups by a function of the log", async () => {
    const by = (log: Log) => (log.duration >= 500 ? "slow" : "fast");
    const { groups } = await summarize(handMade, { by });
    expect(keysAndCounts(groups)).toEqual([
      ["fast", 3],
      ["slow", 2],
    ]);
    expect(groups[1]!.durationMs).toMatchObject({ min: 900, max: 5000 });
  });

  it("puts logs whose field is absent or empty under (none)", async () => {
    const byType = await summarize(handMade, { by: "model_type" });
    expect(keysAndCounts(byType.groups)).toEqual([
      ["chat", 4],
      ["(none)", 1],
    ]);
    const byMetadata = await summarize(handMade, { by: "metadata" });
    expect(keysAndCounts(byMetadata.groups)).toEqual([["(none)", 5]]);
    const byFunction = await summarize(handMade, { by: () => "" });
    expect(keysAndCounts(byFunction.groups)).toEqual([["(none)", 5]]);
  });

  it("summarizes no logs as count 0, no groups, and null rates and durations", async () => {
    const nothing = { p50: null, p95: null, p99: null, mean: null, min: null, max: null };
    expect(await summarize([], { by: "model" })).toEqual({
      groups: [],
      total: {
        key: "all",
        count: 0,
        errors: 0,
        errorRate: null,
        cached: 0,
        cacheHitRate: null,
        tokensIn: 0,
        tokensOut: 0,
        tokensInNull: 0,
        tokensOutNull: 0,
        cost: 0,
        durationMs: nothing,
      },
    });
  });

  it("reads an async iterable the same as an array", async () => {
    async function* arriving() {
      for (const log of handMade) {
        await Promise.resolve();
        yield log;
      }
    }
    const summary = await summarize(arriving(), { by: "model" });
    expect(summary.total.count).toBe(5);
    expect(summary).toEqual(await summarize(handMade, { by: "model" }));
  });

  it("gives plain data that survives a JSON round trip", async () => {
    const summary = await summarize(
      [...handMade, makeLog({ duration: 9_000_000 }), makeLog({ duration: 0 })],
      { by: "status" },
    );
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it("leaves a log without a finite, non-negative duration out of the durations only", async () => {
    const logs = [makeLog({ duration: Number.NaN }), makeLog({ duration: -5 })];
    const { total } = await summarize(logs);
    expect(total.count).toBe(2);
    expect(total.durationMs).toEqual({
      p50: null,
      p95: null,
      p99: null,
      mean: null,
      min: null,
      max: null,
    });
  });
});

describe("duration percentiles", () => {
  it("promise less than 1% relative error", () => {
    expect(durationRelativeError).toBeGreaterThan(0);
    expect(durationRelativeError).toBeLessThan(0.01);
  });

  it("are within the bound of the exact ones for 100,000 log-normal durations", async () => {
    const random = createRandom(20250110);
    const durations = Array.from({ length: 100_000 }, () =>
      Math.round(Math.exp(Math.log(800) + 1.2 * random.normal())),
    );
    const { total } = await summarize(durations.map((duration) => makeLog({ duration })));
    expectPercentilesWithinBound(durations, total);
    expect(total.durationMs.min).toBe(Math.min(...durations));
    expect(total.durationMs.max).toBe(Math.max(...durations));
    const mean = durations.reduce((sum, duration) => sum + duration, 0) / durations.length;
    expect(total.durationMs.mean).toBeCloseTo(mean, 6);
  });

  it("are within the bound for any durations from 1 ms to an hour", async () => {
    const duration = fc.oneof(
      fc.integer({ min: 1, max: 3_600_000 }),
      fc.double({ min: 1, max: 3_600_000, noNaN: true }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(duration, { minLength: 1, maxLength: 300 }), async (durations) => {
        const { total } = await summarize(durations.map((ms) => makeLog({ duration: ms })));
        expectPercentilesWithinBound(durations, total);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("are less than 1 ms off below 1 ms", async () => {
    const { total } = await summarize([0.4, 0.6, 0.8].map((duration) => makeLog({ duration })));
    expect(total.durationMs.p50).toBeGreaterThanOrEqual(0.4);
    expect(total.durationMs.p50).toBeLessThan(0.6 + 1);
    const zeros = await summarize([0, 0, 0].map((duration) => makeLog({ duration })));
    expect(zeros.total.durationMs).toMatchObject({ p50: 0, p99: 0, mean: 0 });
  });

  it("report the max past the top bucket, about an hour", async () => {
    const durations = [5_000_000, 7_000_000, 9_000_000];
    const { total } = await summarize(durations.map((duration) => makeLog({ duration })));
    expect(total.durationMs).toMatchObject({ p50: 9_000_000, min: 5_000_000, max: 9_000_000 });
  });
});

describe("createSummarizer", () => {
  it("gives snapshots that later logs do not change", () => {
    const summarizer = createSummarizer({ by: "provider" });
    summarizer.add(handMade[0]!);
    const early = summarizer.result();
    for (const log of handMade.slice(1)) summarizer.add(log);
    expect(early.total.count).toBe(1);
    expect(keysAndCounts(early.groups)).toEqual([["openai", 1]]);
    expect(summarizer.result().total.count).toBe(5);
  });

  it("holds the same number of histogram buckets after 1,000,000 logs as after the first", () => {
    const models = ["gpt-4o", "claude-3-5-haiku", "@cf/meta/llama-3.1-8b-instruct"];
    const summarizer = createSummarizer({ by: "model" });
    for (const model of models) summarizer.add(makeLog({ model }));
    const buckets = summarizer.bucketCount();
    // One histogram per group plus the total's, each a fixed array.
    expect(buckets % 4).toBe(0);
    expect(buckets / 4).toBeLessThan(1000);
    const random = createRandom(7);
    for (let i = 1; i <= 1_000_000; i++) {
      // Durations from 0 to past the top bucket, so every bucket is reachable.
      const duration = Math.exp(random.next() * 16) - 1;
      summarizer.add(makeLog({ model: models[i % 3], duration }));
      if (i % 100_000 === 0) expect(summarizer.bucketCount()).toBe(buckets);
    }
    const { groups, total } = summarizer.result();
    expect(total.count).toBe(1_000_003);
    expect(groups.map((group) => group.count).sort()).toEqual([333_334, 333_334, 333_335]);
  });
});
