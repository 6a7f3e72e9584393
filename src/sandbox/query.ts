import { badRequest } from "./envelope.js";

const isoDateTime =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Milliseconds of an ISO 8601 date or date-time, or undefined when it is not one. */
export function parseIsoDate(text: string): number | undefined {
  if (!isoDateTime.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Reads query parameters strictly: a known parameter given twice, or with a value of the wrong
 * shape, is a 400 naming the parameter, never silently dropped or clamped.
 */
export class QueryReader {
  constructor(readonly params: URLSearchParams) {}

  string(name: string): string | undefined {
    const all = this.params.getAll(name);
    if (all.length > 1) throw badRequest(`${name} must be given at most once, got ${all.length}`);
    return all[0];
  }

  integer(name: string, bounds: { min: number; max?: number; fallback: number }): number {
    const text = this.string(name);
    if (text === undefined) return bounds.fallback;
    const range = `from ${bounds.min}${bounds.max === undefined ? "" : ` to ${bounds.max}`}`;
    const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
    const inRange = value >= bounds.min && (bounds.max === undefined || value <= bounds.max);
    if (!Number.isSafeInteger(value) || !inRange) {
      throw badRequest(`${name} must be an integer ${range}, got "${clip(text)}"`);
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const text = this.string(name);
    if (text === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(text)) {
      throw badRequest(`${name} must be one of ${allowed.join(", ")}, got "${clip(text)}"`);
    }
    return text as T;
  }

  boolean(name: string): boolean | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    if (text !== "true" && text !== "false") {
      throw badRequest(`${name} must be true or false, got "${clip(text)}"`);
    }
    return text === "true";
  }

  number(name: string): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const value = text.trim() === "" ? NaN : Number(text);
    if (!Number.isFinite(value)) throw badRequest(`${name} must be a number, got "${clip(text)}"`);
    return value;
  }

  date(name: string): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const ms = parseIsoDate(text);
    if (ms === undefined) {
      throw badRequest(`${name} must be an ISO 8601 date-time, got "${clip(text)}"`);
    }
    return ms;
  }
}

/** Keeps echoed input short: error messages quote what was sent, but not all of a huge value. */
export function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
