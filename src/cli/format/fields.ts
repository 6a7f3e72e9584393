import type { Log } from "../../index.js";
import { logColumns } from "../../index.js";
import { UsageError } from "../errors.js";

/** What a table shows unless --fields says otherwise. */
export const defaultTableFields = [
  "created_at",
  "provider",
  "model",
  "status_code",
  "tokens_in",
  "tokens_out",
  "cost",
  "duration",
  "cached",
  "id",
];

const numeric = new Set([
  "status_code",
  "tokens_in",
  "tokens_out",
  "cost",
  "duration",
  "step",
  "request_size",
  "response_size",
]);

export function isNumericField(field: string): boolean {
  return numeric.has(field);
}

/** `--fields a,b,c`, checked against the fields a log has. */
export function parseFields(
  text: string | undefined,
  known: readonly string[] = logColumns,
): string[] | undefined {
  if (text === undefined) return undefined;
  const fields = text
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = fields.filter((f) => !known.includes(f));
  if (fields.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--fields: unknown field ${JSON.stringify(unknown[0] ?? text)}.`,
      `Fields: ${known.join(", ")}.`,
    );
  }
  return fields;
}

/** A field's value as table text: short times, fixed-point costs, blanks for nothing. */
export function cellOf(log: Log, field: string): string {
  const value = (log as Record<string, unknown>)[field];
  if (value === undefined || value === null) return "";
  if (field === "created_at" && typeof value === "string")
    return value.slice(0, 19).replace("T", " ");
  if (field === "cost" && typeof value === "number") return value.toFixed(6);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Keeps only the chosen fields of a log, in the chosen order. */
export function pick(log: Log, fields: readonly string[] | undefined): Record<string, unknown> {
  if (!fields) return log as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, (log as Record<string, unknown>)[f]]));
}
