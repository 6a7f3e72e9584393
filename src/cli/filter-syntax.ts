import type { Filter, FilterOperator, KnownFilterKey } from "../index.js";
import { normalizeFilter } from "../index.js";
import { UsageError } from "./errors.js";

/** The API's own filter keys; the CLI accepts exactly these. */
export const filterKeys: readonly KnownFilterKey[] = [
  "id",
  "created_at",
  "request_content_type",
  "response_content_type",
  "request_type",
  "success",
  "cached",
  "provider",
  "model",
  "model_type",
  "cost",
  "tokens",
  "tokens_in",
  "tokens_out",
  "duration",
  "feedback",
  "event_id",
  "metadata.key",
  "metadata.value",
  "authentication",
  "wholesale",
  "compatibilityMode",
  "dlp_action",
  "user_agent",
];
const numberKeys = new Set(["cost", "tokens", "tokens_in", "tokens_out", "duration", "feedback"]);
const booleanKeys = new Set([
  "success",
  "cached",
  "authentication",
  "wholesale",
  "compatibilityMode",
]);

// Longest first, so "!=" is not read as "=".
const operators: [string, FilterOperator][] = [
  ["!=", "neq"],
  ["=", "eq"],
  ["~", "contains"],
  ["<", "lt"],
  [">", "gt"],
];

/**
 * `model=gpt-4o,gpt-4o-mini` (eq, values OR), `provider!=openai`, `model~claude` (contains),
 * `cost>0.01`, `duration<500`, `success=false`, `metadata.key=user`, `created_at>2h`.
 */
export function parseFilter(text: string, now: number = Date.now()): Filter {
  const found = operators
    .map(([symbol, operator]) => ({ symbol, operator, at: text.indexOf(symbol) }))
    .filter((o) => o.at > 0)
    .sort((a, b) => a.at - b.at || b.symbol.length - a.symbol.length)[0];
  if (!found) {
    throw new UsageError(
      `--filter ${JSON.stringify(text)}: expected KEY=VALUE, KEY!=VALUE, KEY~TEXT, KEY<N or KEY>N.`,
    );
  }
  const key = text.slice(0, found.at).trim();
  const raw = text.slice(found.at + found.symbol.length);
  if (!(filterKeys as readonly string[]).includes(key)) {
    throw new UsageError(
      `--filter ${JSON.stringify(text)}: unknown key "${key}".`,
      `Valid keys: ${filterKeys.join(", ")}.`,
    );
  }
  const values = raw.split(",").map((v) => v.trim());
  if (values.some((v) => v === ""))
    throw new UsageError(`--filter ${JSON.stringify(text)}: a value is empty.`);
  try {
    return normalizeFilter({
      key,
      operator: found.operator,
      value: values.map((v) => typed(key, v, now)),
    });
  } catch (error) {
    throw new UsageError(`--filter ${JSON.stringify(text)}: ${(error as Error).message}`);
  }
}

function typed(key: string, value: string, now: number): string | number | boolean | Date | null {
  if (value === "null") return null;
  if (numberKeys.has(key)) {
    const number = Number(value);
    if (Number.isNaN(number))
      throw new UsageError(`"${key}" takes numbers, not ${JSON.stringify(value)}.`);
    return number;
  }
  if (booleanKeys.has(key)) {
    if (value !== "true" && value !== "false")
      throw new UsageError(`"${key}" is true or false, not ${JSON.stringify(value)}.`);
    return value === "true";
  }
  if (key === "created_at") return parseTime(value, now, "created_at");
  return value;
}

const units: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `15m`, `2h`, `7d` (that long ago) or an ISO 8601 date. */
export function parseTime(text: string, now: number = Date.now(), option = "--since"): Date {
  const relative = /^(\d+(?:\.\d+)?)([smhdw])$/.exec(text.trim());
  if (relative) return new Date(now - Number(relative[1]) * units[relative[2]!]!);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(
      `${option} ${JSON.stringify(text)}: use a duration like 15m, 2h, 7d, or an ISO date.`,
    );
  }
  return date;
}
