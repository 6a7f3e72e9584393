// The `filters` query parameter: ONE parameter holding a URL-encoded JSON array of
// { key, operator, value } objects. Everything about its shape is checked here, and any
// problem is a 400: a filter the server cannot read must never be silently dropped (for a
// DELETE that would delete every log).
import { badRequest } from "./envelope.js";
import { clip, parseIsoDate } from "./query.js";
import type { WireFilter } from "./types.js";

export type FilterKind = "string" | "number" | "date" | "boolean" | "metadata";
export type Operator = "eq" | "neq" | "contains" | "lt" | "gt";
export type FilterValue = string | number | boolean | null;

/** The 24 keys of Cloudflare's filter schema, and how each is compared. */
export const filterKinds: Record<string, FilterKind> = {
  id: "string",
  created_at: "date",
  request_content_type: "string",
  response_content_type: "string",
  request_type: "string",
  success: "boolean",
  cached: "boolean",
  provider: "string",
  model: "string",
  model_type: "string",
  cost: "number",
  tokens: "number",
  tokens_in: "number",
  tokens_out: "number",
  duration: "number",
  feedback: "number",
  event_id: "string",
  "metadata.key": "metadata",
  "metadata.value": "metadata",
  authentication: "boolean",
  wholesale: "boolean",
  compatibilityMode: "boolean",
  dlp_action: "string",
  user_agent: "string",
};

const operatorsOf: Record<FilterKind, readonly Operator[]> = {
  string: ["eq", "neq", "contains"],
  number: ["eq", "neq", "lt", "gt"],
  date: ["eq", "neq", "lt", "gt"],
  boolean: ["eq", "neq"],
  metadata: ["eq", "neq", "contains"],
};

export interface ParsedFilter {
  key: string;
  kind: FilterKind;
  operator: Operator;
  /** Normalised: numbers for number keys, epoch milliseconds for created_at. */
  values: FilterValue[];
}

const encodingHint =
  'filters must be one query parameter holding a JSON array, e.g. filters=[{"key":"model","operator":"eq","value":["gpt-4o"]}] (URL-encoded)';

/** Reads and validates `filters`; an absent parameter means no filters. */
export function parseFilters(params: URLSearchParams): ParsedFilter[] {
  for (const name of params.keys()) {
    if (/^filters[.[]/.test(name)) throw badRequest(`${encodingHint}; got "${clip(name)}"`);
  }
  const all = params.getAll("filters");
  if (all.length === 0) return [];
  if (all.length > 1) throw badRequest(`${encodingHint}; got it ${all.length} times`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(all[0] as string);
  } catch {
    throw badRequest(`filters is not valid JSON. ${encodingHint}`);
  }
  if (!Array.isArray(parsed)) throw badRequest(`filters must be a JSON array. ${encodingHint}`);
  return parsed.map((item, i) => parseFilter(item, `filters[${i}]`));
}

function parseFilter(item: unknown, at: string): ParsedFilter {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    throw badRequest(`${at} must be an object with key, operator and value`);
  }
  const extra = Object.keys(item).filter((k) => !["key", "operator", "value"].includes(k));
  if (extra.length > 0) throw badRequest(`${at} has unknown field "${clip(extra[0] as string)}"`);
  const { key, operator, value } = item as Partial<WireFilter>;
  const kind =
    typeof key === "string" && Object.hasOwn(filterKinds, key) ? filterKinds[key] : undefined;
  if (kind === undefined || typeof key !== "string") {
    const known = Object.keys(filterKinds).join(", ");
    throw badRequest(`${at}.key must be one of ${known}; got ${clip(JSON.stringify(key) ?? "")}`);
  }
  if (!operatorsOf[kind].includes(operator as Operator)) {
    const allowed = operatorsOf[kind].join(", ");
    throw badRequest(
      `${at}.operator for ${key} must be one of ${allowed}; got ${clip(String(operator))}`,
    );
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest(`${at}.value must be a non-empty array of values`);
  }
  if ((operator === "lt" || operator === "gt") && value.length !== 1) {
    throw badRequest(
      `${at}.value must hold exactly one value for ${operator}, got ${value.length}`,
    );
  }
  const op = operator as Operator;
  return {
    key,
    kind,
    operator: op,
    values: value.map((v, i) => normalise(v, kind, op, `${at}.value[${i}]`)),
  };
}

function normalise(value: unknown, kind: FilterKind, operator: Operator, at: string): FilterValue {
  const equality = operator === "eq" || operator === "neq";
  if (value === null && equality) return null;
  if (kind === "boolean" && typeof value === "boolean") return value;
  if (kind === "number") {
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof number === "number" && Number.isFinite(number)) return number;
  }
  if (kind === "date" && typeof value === "string") {
    const ms = parseIsoDate(value);
    if (ms !== undefined) return ms;
  }
  if ((kind === "string" || kind === "metadata") && typeof value === "string") return value;
  if (kind === "metadata" && (typeof value === "number" || typeof value === "boolean")) {
    return String(value);
  }
  throw badRequest(
    `${at} must be ${expected[kind]}${equality ? " or null" : ""}; got ${describe(value)}`,
  );
}

const expected: Record<FilterKind, string> = {
  string: "a string",
  number: "a number",
  date: "an ISO 8601 date-time string",
  boolean: "true or false",
  metadata: "a string, number or boolean",
};

function describe(value: unknown): string {
  return clip(JSON.stringify(value) ?? String(value));
}
