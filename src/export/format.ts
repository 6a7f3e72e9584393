import type { Log } from "../types.js";

/** The log fields in the spec's order: the CSV columns, stable across versions. */
export const logColumns = [
  "id",
  "created_at",
  "provider",
  "model",
  "model_type",
  "path",
  "request_type",
  "status_code",
  "success",
  "cached",
  "duration",
  "tokens_in",
  "tokens_out",
  "cost",
  "custom_cost",
  "step",
  "metadata",
  "request_content_type",
  "response_content_type",
] as const;

/** The fields a log's detail adds to the list fields. */
// Marked pure, so that a bundler drops it from programs that never use it: a spread might run
// code, as far as a bundler knows.
export const logDetailColumns = /* @__PURE__ */ (() =>
  [
    ...logColumns,
    "request_head",
    "request_head_complete",
    "request_size",
    "response_head",
    "response_head_complete",
    "response_size",
  ] as const)();

export type ExportFormat = "jsonl" | "csv";

/** One log as a JSON Lines record. */
export function toJsonLine(log: Log): string {
  return `${JSON.stringify(log)}\n`;
}

/** The CSV header line (RFC 4180: CRLF line ends). */
export function csvHeader(columns: readonly string[] = logColumns): string {
  return `${columns.map(csvField).join(",")}\r\n`;
}

/** One log as a CSV record; absent and null fields are empty, objects are JSON. */
export function toCsvRow(log: Log, columns: readonly string[] = logColumns): string {
  const record = log as Record<string, unknown>;
  return `${columns.map((column) => csvField(record[column])).join(",")}\r\n`;
}

// RFC 4180: quote a field holding a comma, quote or line break, doubling the quotes inside.
function csvField(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Formats a page of logs for the given format. */
export function formatLogs(
  logs: readonly Log[],
  format: ExportFormat,
  columns: readonly string[] = logColumns,
): string {
  return logs.map((log) => (format === "csv" ? toCsvRow(log, columns) : toJsonLine(log))).join("");
}
