import { compileFilter, type Predicate } from "./filter-match.js";
import type { ParsedFilter } from "./filters.js";

/** Bounds on created_at that let a scan binary-search instead of reading every log. */
export interface CreatedRange {
  from: number | undefined;
  to: number | undefined;
  fromExclusive: boolean;
  toExclusive: boolean;
}

/**
 * Which logs a request is about: the created_at range, the same range as a predicate (for scans
 * not ordered by created_at, which cannot binary-search it), and every other condition ANDed.
 */
export interface Selection {
  predicate: Predicate | undefined;
  rangePredicate: Predicate | undefined;
  range: CreatedRange;
}

export const everything: CreatedRange = {
  from: undefined,
  to: undefined,
  fromExclusive: false,
  toExclusive: false,
};

export function selectionOf(
  filters: readonly ParsedFilter[],
  extra: readonly Predicate[] = [],
  range: CreatedRange = everything,
): Selection {
  const isRange = (f: ParsedFilter) =>
    f.key === "created_at" && (f.operator === "gt" || f.operator === "lt");
  const predicates = [...filters.filter((f) => !isRange(f)).map(compileFilter), ...extra];
  const rangePredicates = filters.filter(isRange).map(compileFilter);
  let narrowed = range;
  for (const filter of filters) {
    if (filter.key !== "created_at" || filter.operator === "eq" || filter.operator === "neq")
      continue;
    const ms = filter.values[0] as number;
    narrowed =
      filter.operator === "gt"
        ? tighten(narrowed, { ...everything, from: ms, fromExclusive: true })
        : tighten(narrowed, { ...everything, to: ms, toExclusive: true });
  }
  return { predicate: all(predicates), rangePredicate: all(rangePredicates), range: narrowed };
}

function tighten(a: CreatedRange, b: CreatedRange): CreatedRange {
  const result = { ...a };
  if (b.from !== undefined && (a.from === undefined || b.from >= a.from)) {
    result.fromExclusive = b.from === a.from ? a.fromExclusive || b.fromExclusive : b.fromExclusive;
    result.from = b.from;
  }
  if (b.to !== undefined && (a.to === undefined || b.to <= a.to)) {
    result.toExclusive = b.to === a.to ? a.toExclusive || b.toExclusive : b.toExclusive;
    result.to = b.to;
  }
  return result;
}

export function all(predicates: Predicate[]): Predicate | undefined {
  if (predicates.length === 0) return undefined;
  if (predicates.length === 1) return predicates[0];
  return (log) => {
    for (const predicate of predicates) if (!predicate(log)) return false;
    return true;
  };
}
