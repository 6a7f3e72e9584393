import { deleteOrderKeys, listOrderKeys } from "../order-keys.js";
import type { DeleteOrderBy } from "../types.js";
import type { StoredLog } from "./stored-log.js";

export { deleteOrderKeys, listOrderKeys };

export type OrderKey = DeleteOrderBy;
export type Direction = "asc" | "desc";

type Sortable = string | number | boolean | null;

const sortValue: Record<OrderKey, (log: StoredLog) => Sortable> = {
  created_at: (log) => log.createdMs,
  provider: (log) => log.provider,
  model: (log) => log.model,
  model_type: (log) => log.model_type,
  success: (log) => log.success,
  cached: (log) => log.cached,
  cost: (log) => log.cost,
  tokens_in: (log) => log.tokens_in,
  tokens_out: (log) => log.tokens_out,
  duration: (log) => log.duration,
  feedback: (log) => log.feedback,
};

/**
 * Ascending order on `key`, ties broken by id, so that descending is the exact reverse and
 * one sorted array serves both directions. null sorts lowest: first ascending, last descending.
 */
export function comparatorFor(key: OrderKey): (a: StoredLog, b: StoredLog) => number {
  const value = sortValue[key];
  return (a, b) => compareValues(value(a), value(b)) || compareValues(a.id, b.id);
}

function compareValues(a: Sortable, b: Sortable): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Index of the first log (in an ascending created_at view) at or after `ms`, or after it. */
export function lowerBound(view: readonly StoredLog[], ms: number, exclusive: boolean): number {
  let low = 0;
  let high = view.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = (view[mid] as StoredLog).createdMs;
    if (at < ms || (exclusive && at === ms)) low = mid + 1;
    else high = mid;
  }
  return low;
}
