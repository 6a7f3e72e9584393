// What each filter means, as predicates over stored logs:
// - separate filters AND together; the values of one eq or contains filter OR together;
// - neq matches logs whose field equals none of its values (a null field equals only null);
// - lt and gt compare numbers, and dates for created_at; a null field never matches them;
// - contains is a case-insensitive substring match;
// - tokens is tokens_in + tokens_out, a null count counting as 0;
// - metadata.key and metadata.value match the keys and values of the log's metadata, the JSON
//   object held in its metadata string (values compared as text).
import type { FilterValue, ParsedFilter } from "./filters.js";
import { eventIdOf, type StoredLog } from "./stored-log.js";

export type Predicate = (log: StoredLog) => boolean;
type Field = string | number | boolean | null;

const fields: Record<string, (log: StoredLog) => Field> = {
  id: (log) => log.id,
  created_at: (log) => log.createdMs,
  request_content_type: (log) => log.request_content_type,
  response_content_type: (log) => log.response_content_type,
  request_type: (log) => log.request_type,
  success: (log) => log.success,
  cached: (log) => log.cached,
  provider: (log) => log.provider,
  model: (log) => log.model,
  model_type: (log) => log.model_type,
  cost: (log) => log.cost,
  tokens: (log) => (log.tokens_in ?? 0) + (log.tokens_out ?? 0),
  tokens_in: (log) => log.tokens_in,
  tokens_out: (log) => log.tokens_out,
  duration: (log) => log.duration,
  feedback: (log) => log.feedback,
  event_id: eventIdOf,
  authentication: (log) => log.authentication,
  wholesale: (log) => log.wholesale,
  compatibilityMode: (log) => log.compatibilityMode,
  dlp_action: (log) => log.dlp_action,
  user_agent: (log) => log.user_agent,
};

export function compileFilter(filter: ParsedFilter): Predicate {
  if (filter.kind === "metadata") return compileMetadataFilter(filter);
  const field = fields[filter.key] as (log: StoredLog) => Field;
  const values = filter.values;
  switch (filter.operator) {
    case "eq":
      return (log) => values.includes(field(log));
    case "neq":
      return (log) => !values.includes(field(log));
    case "contains": {
      const needles = lowered(values);
      return (log) => containsAny(field(log), needles);
    }
    case "lt":
    case "gt": {
      const bound = values[0] as number;
      const below = filter.operator === "lt";
      return (log) => {
        const value = field(log);
        return typeof value === "number" && (below ? value < bound : value > bound);
      };
    }
  }
}

function compileMetadataFilter(filter: ParsedFilter): Predicate {
  const side = filter.key === "metadata.key" ? 0 : 1;
  const sides = (log: StoredLog) => metadataEntries(log.metadata).map((entry) => entry[side]);
  if (filter.operator === "contains") {
    const needles = lowered(filter.values);
    return (log) => sides(log).some((text) => containsAny(text, needles));
  }
  const wanted = filter.values.map((v) => (v === null ? null : String(v)));
  const any = (log: StoredLog) => sides(log).some((text) => wanted.includes(text));
  return filter.operator === "eq" ? any : (log) => !any(log);
}

function lowered(values: FilterValue[]): string[] {
  return values.map((v) => String(v).toLowerCase());
}

function containsAny(value: Field, needles: string[]): boolean {
  if (typeof value !== "string") return false;
  const haystack = value.toLowerCase();
  return needles.some((needle) => haystack.includes(needle));
}

// Metadata strings repeat a lot (and parsing is the slow part): remember recent ones.
const parsedMetadata = new Map<string, [string, string][]>();

export function metadataEntries(metadata: string): [string, string][] {
  let entries = parsedMetadata.get(metadata);
  if (entries) return entries;
  entries = [];
  try {
    const parsed: unknown = JSON.parse(metadata);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      entries = Object.entries(parsed).map(([k, v]): [string, string] => [k, String(v)]);
    }
  } catch {
    // Not JSON (or empty): a log without metadata entries.
  }
  if (parsedMetadata.size >= 10_000) parsedMetadata.clear();
  parsedMetadata.set(metadata, entries);
  return entries;
}
