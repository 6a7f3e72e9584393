import type { Filter, FilterValue, Log } from "./types.js";

type Field = (log: Log) => unknown;

// The list fields a filter key reads; keys that are not on a listed log cannot be checked here.
const fields: Record<string, Field> = {
  id: (log) => log.id,
  created_at: (log) => log.created_at,
  provider: (log) => log.provider,
  model: (log) => log.model,
  model_type: (log) => log.model_type,
  request_type: (log) => log.request_type,
  request_content_type: (log) => log.request_content_type,
  response_content_type: (log) => log.response_content_type,
  success: (log) => log.success,
  cached: (log) => log.cached,
  cost: (log) => log.cost,
  duration: (log) => log.duration,
  tokens_in: (log) => log.tokens_in,
  tokens_out: (log) => log.tokens_out,
  tokens: (log) => (log.tokens_in ?? 0) + (log.tokens_out ?? 0),
};

/**
 * Whether a log satisfies a filter, by the API's documented meaning; undefined when this log
 * does not carry what the filter reads (metadata, event_id, ...), so it cannot be told here.
 */
export function matchesFilter(log: Log, filter: Filter): boolean | undefined {
  const read = fields[filter.key];
  if (!read) return undefined;
  const actual = read(log);
  if (actual === undefined) return undefined;
  const values = filter.value;
  switch (filter.operator) {
    case "eq":
      return values.some((v) => same(actual, v));
    case "neq":
      return !values.some((v) => same(actual, v));
    case "contains":
      return values.some((v) => String(actual).toLowerCase().includes(String(v).toLowerCase()));
    case "lt":
    case "gt": {
      const [a, b] = [comparable(actual), comparable(values[0] ?? null)];
      if (a === undefined || b === undefined) return undefined;
      return filter.operator === "lt" ? a < b : a > b;
    }
  }
}

function same(actual: unknown, expected: FilterValue): boolean {
  if (typeof actual === "number" && typeof expected === "string")
    return actual === Number(expected);
  return actual === expected;
}

function comparable(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const asNumber = Number(value);
    if (value.trim() !== "" && !Number.isNaN(asNumber)) return asNumber;
    const asDate = Date.parse(value);
    return Number.isNaN(asDate) ? undefined : asDate;
  }
  return undefined;
}
