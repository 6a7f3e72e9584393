import type { Predicate } from "./filter-match.js";
import type { GatewayLogs } from "./gateway-logs.js";
import { lowerBound, type Direction, type OrderKey } from "./order.js";
import { all, type Selection } from "./selection.js";
import type { StoredLog } from "./stored-log.js";

/** A walk over one sorted view, within [start, end), in the requested direction. */
export interface Scan {
  view: readonly StoredLog[];
  start: number;
  end: number;
  descending: boolean;
  predicate: Predicate | undefined;
}

/** Ordered by created_at, a created_at range becomes two binary searches instead of a filter. */
export function planScan(
  logs: GatewayLogs,
  orderBy: OrderKey,
  direction: Direction,
  selection: Selection,
): Scan {
  const view = logs.view(orderBy);
  const { range } = selection;
  let start = 0;
  let end = view.length;
  const byCreated = orderBy === "created_at";
  if (byCreated) {
    if (range.from !== undefined) start = lowerBound(view, range.from, range.fromExclusive);
    if (range.to !== undefined) end = lowerBound(view, range.to, !range.toExclusive);
  }
  // The binary search already applied the created_at range; other orders must test it.
  const checks = [selection.predicate, byCreated ? undefined : selection.rangePredicate];
  return {
    view,
    start,
    end: Math.max(start, end),
    descending: direction === "desc",
    predicate: all(checks.filter((p): p is Predicate => p !== undefined)),
  };
}

/** Calls `visit` with each matching log in order, until it returns false. */
export function forEachMatch(scan: Scan, visit: (log: StoredLog) => boolean | void): void {
  const { view, start, end, predicate } = scan;
  const step = scan.descending ? -1 : 1;
  for (let i = scan.descending ? end - 1 : start; i >= start && i < end; i += step) {
    const log = view[i] as StoredLog;
    if (predicate && !predicate(log)) continue;
    if (visit(log) === false) return;
  }
}

/** The `index`-th log of an unfiltered scan, without walking to it. */
export function logAt(scan: Scan, index: number): StoredLog | undefined {
  if (index < 0 || index >= scan.end - scan.start) return undefined;
  return scan.view[scan.descending ? scan.end - 1 - index : scan.start + index];
}
