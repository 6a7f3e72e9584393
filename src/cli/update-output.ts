import type { LogDetail, LogPatch } from "../index.js";
import { pick } from "./format/fields.js";
import type { Format } from "./format/logs-output.js";
import { renderLogs } from "./format/logs-output.js";

/** The one line a person at a terminal sees: what was set (feedback, score, metadata). */
export function describeUpdate(id: string, patch: LogPatch): string {
  const changes = Object.entries(patch).map(([field, value]) =>
    value === null
      ? `${field} cleared`
      : `${field} ${typeof value === "object" ? JSON.stringify(value) : String(value)}`,
  );
  return `Updated ${id}: ${changes.join(", ")}.\n`;
}

/** The updated log as `get` shows it: field per line for a table, else the chosen format. */
export function renderUpdatedLog(
  log: LogDetail,
  format: Format,
  fields: readonly string[] | undefined,
): string {
  if (format === "json") return `${JSON.stringify(pick(log, fields), null, 2)}\n`;
  if (format !== "table") return renderLogs([log], format, fields, 0);
  const record = log as Record<string, unknown>;
  const shown = fields ?? Object.keys(log);
  const width = Math.max(...shown.map((f) => f.length));
  const cell = (value: unknown) =>
    value === undefined || value === null
      ? ""
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return shown.map((f) => `${f.padEnd(width)}  ${cell(record[f])}\n`).join("");
}
