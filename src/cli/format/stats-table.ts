import type { GroupSummary, Log, Summary } from "../../index.js";
import { csvHeader, toCsvRow } from "../../index.js";
import { renderTable } from "./table.js";

/** The key the total row carries in a table and in CSV, apart from any group's. */
export const totalLabel = { table: "total", csv: "(total)" } as const;

const percent = (rate: number | null) => (rate === null ? "" : `${(rate * 100).toFixed(1)}%`);
const ms = (value: number | null) => (value === null ? "" : String(Math.round(value)));

/** A table of the groups and a total row, fitting `width` (long keys are cut first). */
export function renderStatsTable(summary: Summary, by: string, width: number): string {
  const columns = [
    { title: by, shrinks: true },
    ...["count", "error %", "cache %", "tokens in", "tokens out", "cost", "p50 ms", "p95 ms"].map(
      (title) => ({ title, right: true }),
    ),
  ];
  const row = (group: GroupSummary, key: string) => [
    key,
    String(group.count),
    percent(group.errorRate),
    percent(group.cacheHitRate),
    String(group.tokensIn),
    String(group.tokensOut),
    group.cost.toFixed(4),
    ms(group.durationMs.p50),
    ms(group.durationMs.p95),
  ];
  const rows = summary.groups.map((group) => row(group, group.key));
  return renderTable(columns, [...rows, row(summary.total, totalLabel.table)], width);
}

const csvColumns = [
  "key",
  "count",
  "errors",
  "error_rate",
  "cached",
  "cache_hit_rate",
  "tokens_in",
  "tokens_out",
  "tokens_in_null",
  "tokens_out_null",
  "cost",
  "p50_ms",
  "p95_ms",
  "p99_ms",
  "mean_ms",
  "min_ms",
  "max_ms",
];

/** One CSV row a group, then the total; rates as fractions, durations in milliseconds. */
export function renderStatsCsv(summary: Summary): string {
  const row = (group: GroupSummary, key: string) => {
    const d = group.durationMs;
    const record = {
      key,
      count: group.count,
      errors: group.errors,
      error_rate: group.errorRate,
      cached: group.cached,
      cache_hit_rate: group.cacheHitRate,
      tokens_in: group.tokensIn,
      tokens_out: group.tokensOut,
      tokens_in_null: group.tokensInNull,
      tokens_out_null: group.tokensOutNull,
      cost: group.cost,
      p50_ms: d.p50,
      p95_ms: d.p95,
      p99_ms: d.p99,
      mean_ms: d.mean,
      min_ms: d.min,
      max_ms: d.max,
    };
    // toCsvRow quotes and blanks fields the RFC 4180 way whatever the record.
    return toCsvRow(record as unknown as Log, csvColumns);
  };
  const rows = summary.groups.map((group) => row(group, group.key));
  return csvHeader(csvColumns) + rows.join("") + row(summary.total, totalLabel.csv);
}
