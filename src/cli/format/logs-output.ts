import type { Log } from "../../index.js";
import { csvHeader, logColumns, toCsvRow } from "../../index.js";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { cellOf, defaultTableFields, isNumericField, pick } from "./fields.js";
import { renderTable, type Column } from "./table.js";

const shrinkable = new Set([
  "id",
  "model",
  "provider",
  "path",
  "metadata",
  "model_type",
  "request_content_type",
  "response_content_type",
]);

export type Format = "table" | "json" | "jsonl" | "csv";
const formats: Format[] = ["table", "json", "jsonl", "csv"];

/** --format, or the default: a table for a person at a terminal, JSON Lines for a pipe. */
export function chooseFormat(value: unknown, io: Io): Format {
  if (value === undefined) return io.stdout.isTTY ? "table" : "jsonl";
  if (!formats.includes(value as Format)) {
    throw new UsageError(`--format ${JSON.stringify(value)}: use one of ${formats.join(", ")}.`);
  }
  return value as Format;
}

/** Numbers align right; long free text gives up width first when the terminal is narrow. */
export function tableColumnsOf(fields: readonly string[]): Column[] {
  return fields.map((title) => ({
    title,
    right: isNumericField(title),
    shrinks: shrinkable.has(title),
  }));
}

/** Renders logs in a format: pure, from data to text. */
export function renderLogs(
  logs: readonly Log[],
  format: Format,
  fields: readonly string[] | undefined,
  width: number,
): string {
  switch (format) {
    case "table": {
      const chosen = fields ?? defaultTableFields;
      return renderTable(
        tableColumnsOf(chosen),
        logs.map((log) => chosen.map((f) => cellOf(log, f))),
        width,
      );
    }
    case "json":
      return `${JSON.stringify(
        logs.map((log) => pick(log, fields)),
        null,
        2,
      )}\n`;
    case "jsonl":
      return logs.map((log) => `${JSON.stringify(pick(log, fields))}\n`).join("");
    case "csv": {
      const columns = fields ?? logColumns;
      return csvHeader(columns) + logs.map((log) => toCsvRow(log, columns)).join("");
    }
  }
}
