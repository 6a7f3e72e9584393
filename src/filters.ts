import { ValidationError } from "./errors/request-errors.js";
import type { Filter, FilterKey, FilterOperator, FilterValue } from "./types.js";

type NumericKey = "cost" | "tokens" | "tokens_in" | "tokens_out" | "duration" | "feedback";
type BooleanKey = "success" | "cached" | "authentication" | "wholesale" | "compatibilityMode";
type DateKey = "created_at";
type KnownValue<K> = K extends NumericKey ? number : K extends DateKey ? Date | string : string;

interface Matching<V> {
  /** Logs whose field equals any of the values. */
  eq(...values: V[]): Filter;
  /** Logs whose field equals none of the values. */
  neq(...values: V[]): Filter;
}
interface Comparing<V> {
  lt(value: V): Filter;
  gt(value: V): Filter;
}
interface Containing {
  /** Logs whose field contains any of the texts (case-insensitive). */
  contains(...values: string[]): Filter;
}

/** What `where(key)` offers: booleans only match, numbers and dates also compare. */
export type FilterBuilder<K extends string> = K extends BooleanKey
  ? Matching<boolean>
  : K extends NumericKey | DateKey
    ? Matching<KnownValue<K> | null> & Comparing<KnownValue<K>>
    : Matching<FilterValue> & Comparing<number | Date | string> & Containing;

/** Starts a filter on one log field: `where("model").eq("gpt-4o")`, `where("cost").gt(0.01)`. */
export function where<K extends FilterKey>(key: K): FilterBuilder<K> {
  const build =
    (operator: FilterOperator) =>
    (...values: unknown[]) =>
      normalizeFilter({ key, operator, value: values as FilterValue[] });
  const builder = { eq: build("eq"), neq: build("neq"), contains: build("contains") };
  return { ...builder, lt: build("lt"), gt: build("gt") } as unknown as FilterBuilder<K>;
}

/** A filter as users may write it: the wire form, with dates and a single value allowed. */
export interface FilterInput {
  key: FilterKey;
  operator: FilterOperator;
  value: FilterValue | Date | readonly (FilterValue | Date)[];
}

const operators: readonly string[] = ["eq", "neq", "contains", "lt", "gt"];

/** Checks one filter and brings it to the wire form: values in an array, dates as ISO strings. */
export function normalizeFilter(input: FilterInput): Filter {
  if (typeof input !== "object" || input === null)
    throw new ValidationError("A filter must be an object with key, operator and value.");
  const { key, operator } = input;
  if (typeof key !== "string" || key.trim() === "")
    throw new ValidationError("A filter needs a non-empty key.");
  if (!operators.includes(operator)) {
    throw new ValidationError(
      `Filter on "${key}": operator must be one of ${operators.join(", ")}, not ${JSON.stringify(operator)}.`,
    );
  }
  const raw = Array.isArray(input.value) ? input.value : [input.value];
  if (raw.length === 0) throw new ValidationError(`Filter on "${key}": give at least one value.`);
  const value = raw.map((v) => toWireValue(key, v));
  checkOperator(key, operator, value);
  return { key, operator, value };
}

function toWireValue(key: string, value: unknown): FilterValue {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new ValidationError(`Filter on "${key}": invalid date.`);
    return value.toISOString();
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new ValidationError(`Filter on "${key}": ${value} is not a finite number.`);
  }
  if (value === null || ["string", "number", "boolean"].includes(typeof value))
    return value as FilterValue;
  throw new ValidationError(
    `Filter on "${key}": values must be strings, numbers, booleans, null or dates.`,
  );
}

function checkOperator(key: string, operator: FilterOperator, value: FilterValue[]): void {
  if (operator === "lt" || operator === "gt") {
    const [only] = value;
    const comparable =
      typeof only === "number" || (typeof only === "string" && !Number.isNaN(Date.parse(only)));
    if (value.length !== 1 || !comparable) {
      throw new ValidationError(
        `Filter on "${key}": ${operator} takes exactly one number or date.`,
      );
    }
  }
  if (value.some((v) => typeof v === "boolean") && operator !== "eq" && operator !== "neq") {
    throw new ValidationError(
      `Filter on "${key}": booleans can only be matched with eq or neq, not ${operator}.`,
    );
  }
  if (operator === "contains" && value.some((v) => typeof v !== "string")) {
    throw new ValidationError(`Filter on "${key}": contains takes text values.`);
  }
}

/** The one place filters become the wire format: one `filters` parameter, a JSON array. */
export function serializeFilters(
  filters: readonly (Filter | FilterInput)[] | undefined,
): string | undefined {
  if (filters === undefined) return undefined;
  if (!Array.isArray(filters)) throw new ValidationError("filters must be an array of filters.");
  if (filters.length === 0) return undefined;
  return JSON.stringify(filters.map((f) => normalizeFilter(f)));
}
